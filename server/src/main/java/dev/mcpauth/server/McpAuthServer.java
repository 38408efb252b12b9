package dev.mcpauth.server;

import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.JsonRpc;
import dev.mcpauth.protocol.OAuthError;
import dev.mcpauth.protocol.WellKnown;
import dev.mcpauth.server.http.BadRequestException;
import dev.mcpauth.server.http.BodyTooLargeException;
import dev.mcpauth.server.http.Responses;
import dev.mcpauth.server.mcp.McpDispatcher;
import dev.mcpauth.server.mcp.McpEndpoint;
import dev.mcpauth.server.mcp.McpTools;
import dev.mcpauth.server.oauth.AuthorizationEndpoint;
import dev.mcpauth.server.oauth.MetadataEndpoints;
import dev.mcpauth.server.oauth.RegistrationEndpoint;
import dev.mcpauth.server.oauth.RevocationEndpoint;
import dev.mcpauth.server.oauth.TokenEndpoint;
import dev.mcpauth.store.AuthStore;
import dev.mcpauth.store.CachingStore;
import dev.mcpauth.store.DataDirectory;
import dev.mcpauth.store.MemoryStore;
import dev.mcpauth.store.SqliteStore;
import dev.mcpauth.store.StoreException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running mcpauth server: the MCP resource server and its OAuth 2.1 authorization server on one
 * origin, over the configured store. {@link #start} returns once the port is bound and the ready
 * line is logged; {@link #close} stops it and releases the store.
 */
public final class McpAuthServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("mcpauth.server");

    /** Whether no server of this process has started yet: its start time is the process's. */
    private static final AtomicBoolean FIRST_IN_PROCESS = new AtomicBoolean(true);

    private final WebServer web;
    private final ServerContext ctx;
    private final DataDirectory dataDir;
    private final long readyMillis;

    private McpAuthServer(WebServer web, ServerContext ctx, DataDirectory dataDir, long ready) {
        this.web = web;
        this.ctx = ctx;
        this.dataDir = dataDir;
        this.readyMillis = ready;
    }

    /**
     * Starts a server. The ready line's time counts from the start of the process for its first
     * server (what a person waits for at {@code mcpauth server}), else from this call.
     */
    public static McpAuthServer start(ServerConfig config) {
        return open(
                config,
                FIRST_IN_PROCESS.getAndSet(false)
                        ? OptionalLong.empty()
                        : OptionalLong.of(System.nanoTime()));
    }

    /**
     * Starts a server whose ready line counts the time from {@code askedAtNanos} (a {@link
     * System#nanoTime()} reading), e.g. when a command of a long-running shell asked for it.
     */
    public static McpAuthServer start(ServerConfig config, long askedAtNanos) {
        FIRST_IN_PROCESS.set(false);
        return open(config, OptionalLong.of(askedAtNanos));
    }

    /** {@code askedAtNanos} empty: count the ready time from the start of the process. */
    private static McpAuthServer open(ServerConfig config, OptionalLong askedAtNanos) {
        ServerInstance instance = ServerInstance.start();
        DataDirectory dataDir = null;
        AuthStore store;
        switch (config.store()) {
            case MEMORY -> store = new MemoryStore();
            default -> {
                dataDir = DataDirectory.lock(config.dataDir());
                try {
                    store = new CachingStore(SqliteStore.open(dataDir.database()));
                } catch (RuntimeException e) {
                    dataDir.close();
                    throw e;
                }
            }
        }
        ServerContext ctx = new ServerContext(config, instance, store, new AuthorizationLog());
        WebServer web;
        try {
            web =
                    WebServer.builder()
                            .host(config.host())
                            .port(config.port())
                            .maxPayloadSize(16L * config.maxBodyBytes())
                            .maxTcpConnections(config.maxConnections())
                            .shutdownHook(false)
                            .routing(routing -> route(routing, ctx))
                            .build()
                            .start();
        } catch (RuntimeException e) {
            release(store, dataDir);
            throw cannotListen(config, e.getMessage(), e);
        }
        // Helidon logs a failed bind and returns a server that is not running, on port -1.
        if (!web.isRunning() || web.port() < 0) {
            web.stop();
            release(store, dataDir);
            throw cannotListen(config, "the address is in use or not this machine's", null);
        }
        ctx.bind(web.port());
        // JVM uptime, not ProcessHandle's start instant: on Linux that is built from the boot
        // time in whole seconds and is off by up to a second.
        long ready =
                askedAtNanos.isPresent()
                        ? (System.nanoTime() - askedAtNanos.getAsLong()) / 1_000_000
                        : ManagementFactory.getRuntimeMXBean().getUptime();
        McpAuthServer server = new McpAuthServer(web, ctx, dataDir, ready);
        server.announce();
        return server;
    }

    private static void release(AuthStore store, DataDirectory dataDir) {
        store.close();
        if (dataDir != null) {
            dataDir.close();
        }
    }

    private static StoreException cannotListen(ServerConfig config, String why, Throwable cause) {
        return new StoreException(
                "cannot listen on "
                        + config.host()
                        + ":"
                        + config.port()
                        + ": "
                        + why
                        + "; is another server using that port? Pass --port to choose another,"
                        + " or --host with an address of this machine",
                cause);
    }

    /** Milliseconds from the start of the process, or of this server's start call, to ready. */
    public long readyMillis() {
        return readyMillis;
    }

    public int port() {
        return web.port();
    }

    public ServerUrls urls() {
        return ctx.urls();
    }

    public ServerInstance instance() {
        return ctx.instance();
    }

    public AuthStore store() {
        return ctx.store();
    }

    public boolean isRunning() {
        return web.isRunning();
    }

    @Override
    public void close() {
        web.stop();
        ctx.store().close();
        if (dataDir != null) {
            dataDir.close();
        }
        LOG.log(
                Level.INFO,
                "mcpauth server instance {0} stopped",
                String.valueOf(ctx.instance().id()));
    }

    private static void route(HttpRouting.Builder routing, ServerContext ctx) {
        MetadataEndpoints metadata = new MetadataEndpoints(ctx);
        McpEndpoint mcp = new McpEndpoint(ctx, new McpDispatcher(McpTools.offered(ctx), version()));
        AuthorizationEndpoint authorize = new AuthorizationEndpoint(ctx);
        String mcpPath = ctx.config().mcpPath();
        URI resourceId = URI.create("http://h" + mcpPath);

        routing.addFilter(
                (chain, req, res) -> {
                    if (!ctx.origins().allowsHost(req.authority())) {
                        sendError(
                                res,
                                Status.FORBIDDEN_403,
                                "Host "
                                        + req.authority()
                                        + " is not served here (DNS rebinding protection); pass"
                                        + " --allowed-host to add it");
                        return;
                    }
                    chain.proceed();
                });
        List<String> metadataPaths = new ArrayList<>();
        metadataPaths.add(
                WellKnown.pathInserted(resourceId, WellKnown.PROTECTED_RESOURCE).getPath());
        metadataPaths.add("/.well-known/" + WellKnown.PROTECTED_RESOURCE);
        for (String path : metadataPaths) {
            publicGet(routing, path, metadata::protectedResource);
        }
        for (String path : AuthorizationServerPaths.all(ctx)) {
            publicGet(routing, path, metadata::authorizationServer);
            metadataPaths.add(path);
        }
        routing.post("/register", cors(new RegistrationEndpoint(ctx)::handle))
                .options("/register", McpAuthServer::publicPreflight)
                .get("/authorize", authorize::authorize)
                .post("/authorize", authorize::decide)
                .post("/token", cors(new TokenEndpoint(ctx)::handle))
                .options("/token", McpAuthServer::publicPreflight)
                .post("/revoke", cors(new RevocationEndpoint(ctx)::handle))
                .options("/revoke", McpAuthServer::publicPreflight)
                .post(mcpPath, mcp::post)
                .get(mcpPath, mcp::get)
                .delete(mcpPath, mcp::delete)
                .options(mcpPath, mcp::preflight);
        // Registered after the routes above, so only the methods they leave out get here.
        for (String path : metadataPaths) {
            allowOnly(routing, path, "GET, HEAD, OPTIONS", false);
        }
        allowOnly(routing, "/authorize", "GET, POST", false);
        for (String path : List.of("/register", "/token", "/revoke")) {
            allowOnly(routing, path, "POST, OPTIONS", false);
        }
        allowOnly(routing, mcpPath, "GET, POST, DELETE, OPTIONS", true);
        routing.error(
                        BodyTooLargeException.class,
                        (req, res, e) ->
                                refuseInput(req, res, Status.REQUEST_ENTITY_TOO_LARGE_413, e, ctx))
                .error(
                        BadRequestException.class,
                        (req, res, e) -> refuseInput(req, res, Status.BAD_REQUEST_400, e, ctx))
                .error(StoreException.class, (req, res, e) -> storeFailed(req, res, e, ctx));
    }

    /**
     * Any other method on a path served here: 405 with the Allow header (RFC 9110, 15.5.6), not a
     * 404 that reads as a wrong URL. A JSON-RPC error on the MCP endpoint, an OAuth error
     * elsewhere.
     */
    private static void allowOnly(
            HttpRouting.Builder routing, String path, String methods, boolean mcp) {
        routing.any(
                path,
                (req, res) -> {
                    String detail =
                            req.prologue().method().text()
                                    + " is not supported on "
                                    + path
                                    + "; use "
                                    + methods.replace(", ", " or ");
                    res.header(HeaderNames.ALLOW, methods);
                    endpointError(
                            res,
                            mcp,
                            Status.METHOD_NOT_ALLOWED_405,
                            OAuthError.INVALID_REQUEST,
                            detail);
                });
    }

    private static void publicGet(
            HttpRouting.Builder routing, String path, io.helidon.webserver.http.Handler handler) {
        routing.get(path, cors(handler))
                .route(Method.HEAD, path, cors(handler))
                .options(path, McpAuthServer::publicPreflight);
    }

    /** Metadata and the token endpoints hold no cookies, so any page may call them. */
    private static io.helidon.webserver.http.Handler cors(io.helidon.webserver.http.Handler h) {
        return (req, res) -> {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            h.handle(req, res);
        };
    }

    private static void publicPreflight(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
        res.header(
                HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
                "Authorization, Content-Type, MCP-Protocol-Version");
        res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
        res.status(Status.NO_CONTENT_204).send();
    }

    /** Unusable input: a JSON-RPC error on the MCP endpoint, an OAuth error everywhere else. */
    private static void refuseInput(
            ServerRequest req,
            ServerResponse res,
            Status status,
            BadRequestException e,
            ServerContext ctx) {
        String path = req.path().path();
        boolean mcp = path.equals(ctx.config().mcpPath());
        if (!mcp) {
            ctx.log()
                    .deny(
                            path.substring(1),
                            null,
                            OAuthError.INVALID_REQUEST,
                            null,
                            e.getMessage());
        }
        endpointError(res, mcp, status, OAuthError.INVALID_REQUEST, e.getMessage());
    }

    /** 503 in the endpoint's own error format; the cause, with the file's path, only in the log. */
    private static void storeFailed(
            ServerRequest req, ServerResponse res, StoreException e, ServerContext ctx) {
        String path = req.path().path();
        LOG.log(Level.ERROR, "store failure on " + path, e);
        endpointError(
                res,
                path.equals(ctx.config().mcpPath()),
                Status.SERVICE_UNAVAILABLE_503,
                OAuthError.TEMPORARILY_UNAVAILABLE,
                "the server's store is unavailable; try again later");
    }

    /** An error in the endpoint's own format: JSON-RPC on the MCP endpoint, OAuth elsewhere. */
    private static void endpointError(
            ServerResponse res, boolean mcp, Status status, String oauthError, String detail) {
        if (mcp) {
            sendError(res, status, detail);
        } else {
            Responses.oauthError(res, status, oauthError, detail);
        }
    }

    private static void sendError(ServerResponse res, Status status, String message) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(
                Json.write(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, message))
                        .getBytes(StandardCharsets.UTF_8));
    }

    private void announce() {
        ServerUrls urls = ctx.urls();
        AuthStore.Counts counts = ctx.store().counts(Instant.now());
        LOG.log(
                Level.INFO,
                "mcpauth server ready at {0} in {1} ms (instance {2}, store {3}: "
                        + "{4}, {5}{6}{7})",
                urls.resource(),
                String.valueOf(readyMillis),
                String.valueOf(ctx.instance().id()),
                ctx.store().describe(),
                counted(counts.clients(), "client"),
                counted(counts.activeTokens(), "active token"),
                ctx.config().authEnabled() ? "" : ", AUTHORIZATION OFF",
                ctx.config().workarounds().isEmpty()
                        ? ""
                        : ", workarounds "
                                + ctx.config().workarounds().stream()
                                        .map(Workaround::cliName)
                                        .toList());
        LOG.log(Level.INFO, "connect VS Code with .vscode/mcp.json: {0}", vscodeSnippet(urls));
    }

    private static String counted(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** The {@code .vscode/mcp.json} that connects VS Code to this server. */
    public static String vscodeSnippet(ServerUrls urls) {
        return "{\"servers\": {\"mcpauth\": {\"type\": \"http\", \"url\": \""
                + urls.resource()
                + "\"}}}";
    }

    public static String version() {
        String version = McpAuthServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
