package dev.mcpauth.client.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.trace.RecordingHttpClient;
import dev.mcpauth.client.trace.RecordingHttpClient.Response;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.JsonRpc;
import dev.mcpauth.protocol.McpRevision;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The MCP side of a client over Streamable HTTP (MCP 2025-11-25, Transports): one POST per message
 * with {@code Accept: application/json, text/event-stream}, the session id and the negotiated
 * revision on every request after initialize, replies read as JSON or as an SSE stream.
 */
public final class McpClient {

    private final URI endpoint;
    private final RecordingHttpClient http;
    private final String clientName;
    private String sessionId;
    private String protocolVersion;
    private int nextId = 1;

    public McpClient(URI endpoint, RecordingHttpClient http, String clientName) {
        this.endpoint = endpoint;
        this.http = http;
        this.clientName = clientName;
    }

    public URI endpoint() {
        return endpoint;
    }

    public ObjectNode initialize() {
        ObjectNode params = Json.mapper().createObjectNode();
        params.put("protocolVersion", McpRevision.latest().id());
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", clientName).put("version", "1.0.0");
        return request("initialize", params);
    }

    public ObjectNode initialized() {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("jsonrpc", JsonRpc.VERSION);
        message.put("method", "notifications/initialized");
        return message;
    }

    public ObjectNode toolsList() {
        return request("tools/list", Json.mapper().createObjectNode());
    }

    public ObjectNode toolsCall(String name, JsonNode arguments) {
        ObjectNode params = Json.mapper().createObjectNode();
        params.put("name", name);
        params.set("arguments", arguments == null ? Json.mapper().createObjectNode() : arguments);
        return request("tools/call", params);
    }

    /** Sends one message, with the bearer token when there is one. */
    public Response post(ObjectNode message, String accessToken) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        if (sessionId != null) {
            headers.put("Mcp-Session-Id", sessionId);
        }
        if (protocolVersion != null) {
            headers.put(McpRevision.HEADER, protocolVersion);
        }
        if (accessToken != null) {
            headers.put("Authorization", "Bearer " + accessToken);
        }
        return http.send("POST", endpoint, headers, Json.write(message));
    }

    /** Remembers the session and revision an initialize reply carries. */
    public void accept(Response initializeResponse, JsonNode result) {
        sessionId = initializeResponse.header("Mcp-Session-Id");
        protocolVersion = result.path("protocolVersion").asText(McpRevision.latest().id());
    }

    /** Starts over: a new connection knows no session. */
    public void reset() {
        sessionId = null;
        protocolVersion = null;
    }

    /** The result of the reply to {@code request}, or the JSON-RPC error as an exception. */
    public JsonNode result(Response res, ObjectNode request) {
        JsonNode reply = reply(res, request.get("id"));
        if (reply.has("error")) {
            throw new ClientSimException(
                    ClientSimException.Kind.PROTOCOL,
                    request.get("method").asText()
                            + " failed with JSON-RPC error "
                            + reply.path("error").path("code").asText()
                            + ": "
                            + reply.path("error").path("message").asText());
        }
        return reply.path("result");
    }

    private JsonNode reply(Response res, JsonNode id) {
        String type = Optional.ofNullable(res.header("Content-Type")).orElse("");
        String body = res.body() == null ? "" : res.body();
        if (type.startsWith("text/event-stream")) {
            for (String data : SseEvents.data(body)) {
                Optional<JsonNode> node = parse(data);
                if (node.isPresent() && id.equals(node.get().get("id"))) {
                    return node.get();
                }
            }
            throw notMcp("an event stream without the reply to request " + id);
        }
        Optional<JsonNode> node = parse(body);
        if (node.isEmpty() || !node.get().isObject() || !node.get().has("jsonrpc")) {
            throw notMcp((type.isEmpty() ? "a body" : type) + " that is not a JSON-RPC message");
        }
        return node.get();
    }

    private ClientSimException notMcp(String what) {
        return new ClientSimException(
                ClientSimException.Kind.PROTOCOL,
                endpoint
                        + " answered with "
                        + what
                        + "; is this the URL of an MCP endpoint (Streamable HTTP)?");
    }

    private static Optional<JsonNode> parse(String text) {
        try {
            return Optional.ofNullable(Json.mapper().readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private ObjectNode request(String method, ObjectNode params) {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("jsonrpc", JsonRpc.VERSION);
        message.put("id", nextId++);
        message.put("method", method);
        message.set("params", params);
        return message;
    }
}
