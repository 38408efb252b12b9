package dev.mcpauth.client.session;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A misbehaving server for bad-input tests: each path answers as the test says, on a free loopback
 * port. Its metadata names itself as resource and authorization server.
 */
final class FakeServer implements AutoCloseable {

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer http;
    private final java.util.Map<String, Handler> routes =
            new java.util.concurrent.ConcurrentHashMap<>();

    FakeServer() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.setExecutor(Executors.newCachedThreadPool());
        http.createContext(
                "/",
                ex -> {
                    try (ex) {
                        String path = ex.getRequestURI().getPath();
                        Handler handler =
                                routes.entrySet().stream()
                                        .filter(e -> path.startsWith(e.getKey()))
                                        .max(
                                                java.util.Comparator.comparingInt(
                                                        e -> e.getKey().length()))
                                        .map(java.util.Map.Entry::getValue)
                                        .orElse(x -> send(x, 404, "text/plain", "not found"));
                        handler.handle(ex);
                    }
                });
        http.start();
    }

    FakeServer on(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    String origin() {
        return "http://localhost:" + http.getAddress().getPort();
    }

    String mcp() {
        return origin() + "/mcp";
    }

    /** A 401 challenge pointing at this server's resource metadata, and good metadata. */
    FakeServer withDiscovery() {
        on(
                "/mcp",
                ex -> {
                    ex.getResponseHeaders()
                            .add(
                                    "WWW-Authenticate",
                                    "Bearer resource_metadata=\""
                                            + origin()
                                            + "/.well-known/oauth-protected-resource/mcp\"");
                    send(ex, 401, "application/json", "{\"error\":\"invalid_token\"}");
                });
        on(
                "/.well-known/oauth-protected-resource",
                ex ->
                        send(
                                ex,
                                200,
                                "application/json",
                                "{\"resource\":\""
                                        + mcp()
                                        + "\",\"authorization_servers\":[\""
                                        + origin()
                                        + "\"]}"));
        on(
                "/.well-known/oauth-authorization-server",
                ex ->
                        send(
                                ex,
                                200,
                                "application/json",
                                "{\"issuer\":\""
                                        + origin()
                                        + "\",\"authorization_endpoint\":\""
                                        + origin()
                                        + "/authorize\",\"token_endpoint\":\""
                                        + origin()
                                        + "/token\",\"registration_endpoint\":\""
                                        + origin()
                                        + "/register\",\"code_challenge_methods_supported\":"
                                        + "[\"S256\"]}"));
        on(
                "/register",
                ex ->
                        send(
                                ex,
                                201,
                                "application/json",
                                "{\"client_id\":\"c1\",\"token_endpoint_auth_method\":\"none\"}"));
        return this;
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
