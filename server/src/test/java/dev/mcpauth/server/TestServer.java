package dev.mcpauth.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.oauth.Pkce;
import dev.mcpauth.store.StoreKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real server on a free loopback port for one test, with a plain HTTP client that never follows
 * redirects, and the steps of an OAuth login as a client would take them.
 */
final class TestServer implements AutoCloseable {

    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String LOOPBACK_REDIRECT = "http://127.0.0.1:33418/";

    private final HttpClient http =
            HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private ServerConfig config;
    private McpAuthServer server;

    private TestServer(ServerConfig config) {
        this.config = config;
        this.server = McpAuthServer.start(config);
    }

    static TestServer start(Path dataDir, StoreKind store) {
        return start(dataDir, b -> b.store(store));
    }

    static TestServer start(Path dataDir, UnaryOperator<ServerConfig.Builder> settings) {
        return new TestServer(
                settings.apply(ServerConfig.builder(dataDir).port(0).autoApprove(true)).build());
    }

    /** Stops the server and starts another instance with the same configuration and port. */
    void restart() {
        int port = server.port();
        server.close();
        config = config.toBuilder().port(port).build();
        server = McpAuthServer.start(config);
    }

    McpAuthServer server() {
        return server;
    }

    String url(String path) {
        return server.urls().origin() + path;
    }

    String resource() {
        return server.urls().resource();
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(
                request(path, headers)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        return send(
                request(path, headers)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path)));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /** Registers a public client the way VS Code does; returns the registration response. */
    JsonNode registerPublicClient(String... redirectUris) {
        String uris =
                Json.write(
                        redirectUris.length == 0 ? new String[] {LOOPBACK_REDIRECT} : redirectUris);
        HttpResponse<String> res =
                postJson(
                        "/register",
                        "{\"client_name\":\"Visual Studio Code\","
                                + "\"redirect_uris\":"
                                + uris
                                + ",\"token_endpoint_auth_method\":\"none\","
                                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"]}");
        if (res.statusCode() != 201) {
            throw new AssertionError("registration failed: " + res.statusCode() + " " + res.body());
        }
        return json(res);
    }

    /** The query of an authorization request with PKCE S256, state and resource. */
    String authorizeQuery(String clientId, String redirectUri) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId);
        q.put("redirect_uri", redirectUri);
        q.put("code_challenge", Pkce.challengeOf(VERIFIER));
        q.put("code_challenge_method", "S256");
        q.put("state", "st-1");
        q.put("scope", "mcp");
        q.put("resource", resource());
        return encode(q);
    }

    /** Runs /authorize with auto-approve and returns the code from the redirect. */
    String authorize(String clientId, String redirectUri) {
        HttpResponse<String> res = get("/authorize?" + authorizeQuery(clientId, redirectUri));
        if (res.statusCode() != 302) {
            throw new AssertionError("authorize failed: " + res.statusCode() + " " + res.body());
        }
        return queryParam(res.headers().firstValue("Location").orElseThrow(), "code");
    }

    HttpResponse<String> exchange(String clientId, String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", clientId);
        form.put("redirect_uri", LOOPBACK_REDIRECT);
        form.put("code_verifier", verifier);
        form.put("resource", resource());
        return postForm("/token", form);
    }

    /** A refresh-token grant for a public client. */
    HttpResponse<String> refresh(String clientId, String refreshToken) {
        return postForm(
                "/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        refreshToken,
                        "client_id",
                        clientId));
    }

    /** Register, authorize and exchange: the token response of a complete login. */
    JsonNode login() {
        String clientId = registerPublicClient().get("client_id").asText();
        String code = authorize(clientId, LOOPBACK_REDIRECT);
        HttpResponse<String> res = exchange(clientId, code, VERIFIER);
        if (res.statusCode() != 200) {
            throw new AssertionError(
                    "token request failed: " + res.statusCode() + " " + res.body());
        }
        JsonNode tokens = json(res);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tokens).put("client_id", clientId);
        return tokens;
    }

    HttpResponse<String> mcp(String token, String sessionId, String json) {
        java.util.List<String> headers =
                new java.util.ArrayList<>(
                        java.util.List.of("Accept", "application/json, text/event-stream"));
        if (token != null) {
            headers.addAll(java.util.List.of("Authorization", "Bearer " + token));
        }
        if (sessionId != null) {
            headers.addAll(java.util.List.of("Mcp-Session-Id", sessionId));
        }
        return postJson(
                server.urls().resource().substring(server.urls().origin().length()),
                json,
                headers.toArray(String[]::new));
    }

    /** Initializes a session and returns its id. */
    String initialize(String token) {
        HttpResponse<String> res = mcp(token, null, INITIALIZE);
        if (res.statusCode() != 200) {
            throw new AssertionError("initialize failed: " + res.statusCode() + " " + res.body());
        }
        return res.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                    + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";

    static String toolCall(String name) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\""
                + name
                + "\",\"arguments\":{\"text\":\"hi\"}}}";
    }

    static JsonNode json(HttpResponse<String> res) {
        try {
            return Json.mapper().readTree(res.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + res.body(), e);
        }
    }

    static String queryParam(String url, String name) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String encode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach(
                (k, v) -> {
                    if (out.length() > 0) {
                        out.append('&');
                    }
                    out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                            .append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                });
        return out.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
