package dev.mcpauth.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.JsonRpc;
import dev.mcpauth.protocol.OAuthError;
import dev.mcpauth.server.ServerContext;
import dev.mcpauth.server.resource.AccessCheck;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The HTTP side of the MCP endpoint: origin checks, message shape, JSON or SSE replies. */
final class McpHttp {

    /** What the SDKs and VS Code send on every POST: both types, equal quality, so JSON. */
    private static final String SDK_ACCEPT = "application/json, text/event-stream";

    private McpHttp() {}

    /**
     * Refuses another site's page with 403 (DNS rebinding, MCP 2025-11-25 Transports) and adds CORS
     * headers for allowed browser origins, exposing the headers clients must read.
     */
    static boolean admitOrigin(ServerContext ctx, ServerRequest req, ServerResponse res) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (!ctx.origins().allowsOrigin(origin.orElse(null))) {
            rpcError(
                    res,
                    Status.FORBIDDEN_403,
                    JsonRpc.INVALID_REQUEST,
                    "Origin "
                            + origin.get()
                            + " is not allowed; pass --allowed-origin to admit it");
            return false;
        }
        origin.ifPresent(
                o -> {
                    res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, o);
                    res.header(HeaderNames.VARY, "Origin");
                    res.header(
                            HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS,
                            "WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version");
                });
        return true;
    }

    /** The one JSON-RPC message of a POST body, or an error already sent. */
    static Optional<JsonRpc.Message> readMessage(Optional<JsonNode> parsed, ServerResponse res) {
        if (parsed.isEmpty()) {
            rpcError(
                    res, Status.BAD_REQUEST_400, JsonRpc.PARSE_ERROR, "the body is not valid JSON");
            return Optional.empty();
        }
        JsonNode node = parsed.get();
        String problem = shapeProblem(node);
        if (problem != null) {
            rpcError(res, Status.BAD_REQUEST_400, JsonRpc.INVALID_REQUEST, problem);
            return Optional.empty();
        }
        if (!node.has("method")) {
            // A response to a server request; this server sends none, so nothing awaits it.
            res.status(Status.ACCEPTED_202).send();
            return Optional.empty();
        }
        JsonNode id = node.get("id");
        return Optional.of(
                new JsonRpc.Message(id, node.get("method").asText(), node.get("params")));
    }

    private static String shapeProblem(JsonNode node) {
        if (node.isArray()) {
            return "JSON-RPC batches are not supported since MCP 2025-06-18; send one message "
                    + "per POST";
        }
        if (!node.isObject() || !JsonRpc.VERSION.equals(node.path("jsonrpc").asText(null))) {
            return "the body must be a JSON-RPC 2.0 object with \"jsonrpc\": \"2.0\"";
        }
        boolean response = node.has("result") || node.has("error");
        if (!node.has("method")) {
            return response && node.has("id") ? null : "the message has no method";
        }
        if (!node.get("method").isTextual()) {
            return "method must be a string";
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isTextual() && !id.isIntegralNumber()) {
            return "id must be a string or an integer (MCP forbids null ids)";
        }
        if (id == null && !node.get("method").asText().startsWith("notifications/")) {
            return "the request "
                    + node.get("method").asText()
                    + " has no id; only "
                    + "notifications/* may omit it";
        }
        return null;
    }

    /** Writes a JSON-RPC response as JSON, or as one SSE event when the client prefers that. */
    static void reply(ServerRequest req, ServerResponse res, ObjectNode response) {
        res.status(Status.OK_200);
        if (prefersEventStream(req.headers().first(HeaderNames.ACCEPT).orElse(""))) {
            String json = Json.write(response);
            res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
            res.send(("event: message\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        } else {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(Json.writeBytes(response));
        }
    }

    static void rpcError(ServerResponse res, Status status, int code, String message) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.write(JsonRpc.error(null, code, message)).getBytes(StandardCharsets.UTF_8));
    }

    /** 400, 401 or 403 from the bearer check, with the challenge and an OAuth error body. */
    static void refuse(ServerResponse res, AccessCheck.Refused refused) {
        if (refused.challenge() != null) {
            res.header(HeaderNames.WWW_AUTHENTICATE, refused.challenge().toHeaderValue());
        }
        res.status(Status.create(refused.status()));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(
                Json.write(new OAuthError(refused.error(), refused.detail()))
                        .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * SSE only when the client asks for it more than for JSON: it accepts event streams and either
     * not JSON or JSON with a lower quality value (RFC 9110 section 12.5.1).
     */
    static boolean prefersEventStream(String accept) {
        if (accept.isEmpty() || accept.equals(SDK_ACCEPT)) {
            return false;
        }
        double sse = quality(accept, "text/event-stream");
        double json = quality(accept, "application/json");
        return sse > 0 && sse > json;
    }

    private static double quality(String accept, String type) {
        double best = 0;
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = range.strip().split(";");
            if (!parts[0].strip().equals(type)) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            best = Math.max(best, q);
        }
        return best;
    }
}
