package dev.mcpauth.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.JsonRpc;
import dev.mcpauth.protocol.McpRevision;
import dev.mcpauth.server.ServerContext;
import dev.mcpauth.server.oauth.Scopes;
import dev.mcpauth.server.resource.AccessCheck;
import dev.mcpauth.server.resource.BearerGuard;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The MCP endpoint over Streamable HTTP (MCP 2025-11-25 and 2025-06-18, Transports): one POST per
 * JSON-RPC message, answered as JSON or, when the client prefers it, as an SSE stream of one event;
 * sessions by {@code Mcp-Session-Id}; DELETE ends a session; GET offers no stream and answers 405.
 * Every request passes the bearer check first.
 */
public final class McpEndpoint {

    public static final HeaderName SESSION_ID = HeaderNames.create("Mcp-Session-Id");
    public static final HeaderName PROTOCOL_VERSION = HeaderNames.create(McpRevision.HEADER);

    private final ServerContext ctx;
    private final BearerGuard guard;
    private final McpDispatcher dispatcher;
    private final McpSessions sessions = new McpSessions();

    public McpEndpoint(ServerContext ctx, McpDispatcher dispatcher) {
        this.ctx = ctx;
        this.guard = new BearerGuard(ctx);
        this.dispatcher = dispatcher;
    }

    public void post(ServerRequest req, ServerResponse res) throws IOException {
        if (!McpHttp.admitOrigin(ctx, req, res)) {
            return;
        }
        byte[] body = readLimited(req);
        if (body == null) {
            McpHttp.rpcError(
                    res,
                    Status.REQUEST_ENTITY_TOO_LARGE_413,
                    JsonRpc.INVALID_REQUEST,
                    "the request body is over " + ctx.config().maxBodyBytes() + " bytes");
            return;
        }
        Optional<JsonNode> parsed = parseQuietly(body);
        Optional<Caller> caller = authorize(req, res, neededScopes(parsed));
        if (caller.isEmpty()) {
            return;
        }
        Optional<JsonRpc.Message> message = McpHttp.readMessage(parsed, res);
        if (message.isEmpty()) {
            return;
        }
        if ("initialize".equals(message.get().method())) {
            initialize(message.get(), caller.get(), req, res);
        } else {
            inSession(message.get(), caller.get(), req, res);
        }
    }

    public void get(ServerRequest req, ServerResponse res) {
        if (McpHttp.admitOrigin(ctx, req, res) && authorize(req, res, baseScope()).isPresent()) {
            res.header(HeaderNames.ALLOW, "POST, DELETE");
            McpHttp.rpcError(
                    res,
                    Status.METHOD_NOT_ALLOWED_405,
                    JsonRpc.INVALID_REQUEST,
                    "this server offers no standalone SSE stream; send requests with POST");
        }
    }

    public void delete(ServerRequest req, ServerResponse res) {
        if (!McpHttp.admitOrigin(ctx, req, res)) {
            return;
        }
        Optional<Caller> caller = authorize(req, res, baseScope());
        if (caller.isEmpty()) {
            return;
        }
        Optional<String> sessionId = req.headers().first(SESSION_ID);
        if (sessionId.isEmpty()) {
            McpHttp.rpcError(
                    res,
                    Status.BAD_REQUEST_400,
                    JsonRpc.INVALID_REQUEST,
                    "DELETE needs the Mcp-Session-Id header of the session to end");
        } else if (sessions.close(sessionId.get(), caller.get().clientId())) {
            res.status(Status.OK_200).send();
        } else {
            unknownSession(res);
        }
    }

    public void preflight(ServerRequest req, ServerResponse res) {
        if (McpHttp.admitOrigin(ctx, req, res)) {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, DELETE, OPTIONS");
            res.header(
                    HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
                    "Authorization, Content-Type, "
                            + "Accept, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID");
            res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
            res.status(Status.NO_CONTENT_204).send();
        }
    }

    private void initialize(
            JsonRpc.Message message, Caller caller, ServerRequest req, ServerResponse res) {
        if (message.isNotification()) {
            McpHttp.rpcError(
                    res,
                    Status.BAD_REQUEST_400,
                    JsonRpc.INVALID_REQUEST,
                    "initialize is a request and needs an id");
            return;
        }
        McpRevision revision = McpDispatcher.negotiate(message.params());
        McpSessions.Session session = sessions.open(revision, caller.clientId());
        res.header(SESSION_ID, session.id());
        McpHttp.reply(
                req, res, JsonRpc.result(message.id(), dispatcher.initializeResult(revision)));
    }

    private void inSession(
            JsonRpc.Message message, Caller caller, ServerRequest req, ServerResponse res) {
        Optional<String> sessionId = req.headers().first(SESSION_ID);
        if (sessionId.isEmpty()) {
            McpHttp.rpcError(
                    res,
                    Status.BAD_REQUEST_400,
                    JsonRpc.INVALID_REQUEST,
                    "Mcp-Session-Id is required after initialize; send initialize first");
            return;
        }
        Optional<McpSessions.Session> session = sessions.find(sessionId.get(), caller.clientId());
        if (session.isEmpty()) {
            unknownSession(res);
            return;
        }
        Optional<String> version = req.headers().first(PROTOCOL_VERSION);
        if (version.isPresent() && McpRevision.of(version.get()).isEmpty()) {
            McpHttp.rpcError(
                    res,
                    Status.BAD_REQUEST_400,
                    JsonRpc.INVALID_REQUEST,
                    "unsupported MCP-Protocol-Version "
                            + version.get()
                            + "; this server speaks "
                            + McpRevision.ids());
            return;
        }
        if (message.isNotification()) {
            res.status(Status.ACCEPTED_202).send();
            return;
        }
        McpHttp.reply(req, res, dispatcher.dispatch(message, caller));
    }

    private Optional<Caller> authorize(ServerRequest req, ServerResponse res, List<String> needed) {
        List<String> authorization = req.headers().all(HeaderNames.AUTHORIZATION, List::of);
        boolean queryToken = req.query().contains("access_token");
        AccessCheck check = guard.check(authorization, queryToken, needed);
        return switch (check) {
            case AccessCheck.Granted granted -> Optional.of(new Caller(granted.token()));
            case AccessCheck.Anonymous anonymous -> Optional.of(Caller.anonymous());
            case AccessCheck.Refused refused -> {
                McpHttp.refuse(res, refused);
                yield Optional.empty();
            }
        };
    }

    /** The scopes this message needs: those of the tool it calls, else the base scope. */
    private List<String> neededScopes(Optional<JsonNode> parsed) {
        return parsed.filter(n -> "tools/call".equals(n.path("method").asText()))
                .map(n -> n.path("params").path("name").asText())
                .flatMap(dispatcher::tool)
                .map(Tool::requiredScopes)
                .orElse(baseScope());
    }

    private static List<String> baseScope() {
        return List.of(Scopes.BASE);
    }

    private void unknownSession(ServerResponse res) {
        McpHttp.rpcError(
                res,
                Status.NOT_FOUND_404,
                JsonRpc.INVALID_REQUEST,
                "unknown or ended session; initialize a new one");
    }

    /** The body, or null when it is over the limit; a declared length is read exactly. */
    private byte[] readLimited(ServerRequest req) throws IOException {
        int limit = ctx.config().maxBodyBytes();
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            return null;
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body =
                    in.readNBytes(declared.isPresent() ? (int) declared.getAsLong() : limit + 1);
            return body.length > limit ? null : body;
        }
    }

    private static Optional<JsonNode> parseQuietly(byte[] body) {
        try {
            return Optional.ofNullable(Json.mapper().readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** For tests and the ready line: how many sessions are open. */
    public int openSessions() {
        return sessions.size();
    }
}
