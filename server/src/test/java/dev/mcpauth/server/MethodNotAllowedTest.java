package dev.mcpauth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.store.StoreKind;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A method a path does not serve gets 405 and the methods it does, not a 404. */
class MethodNotAllowedTest {

    @TempDir Path dataDir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, StoreKind.MEMORY);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /token, 'POST, OPTIONS'",
        "GET, /register, 'POST, OPTIONS'",
        "DELETE, /revoke, 'POST, OPTIONS'",
        "PUT, /authorize, 'GET, POST'",
        "POST, /.well-known/oauth-authorization-server, 'GET, HEAD, OPTIONS'",
        "PUT, /.well-known/oauth-protected-resource/mcp, 'GET, HEAD, OPTIONS'"
    })
    void anOAuthPathAnswersAWrongMethodWith405AndAnOAuthError(
            String method, String path, String allowed) {
        HttpResponse<String> res = send(method, path);
        JsonNode body = TestServer.json(res);

        assertEquals(405, res.statusCode());
        assertEquals(allowed, res.headers().firstValue("Allow").orElse(""));
        assertEquals("invalid_request", body.get("error").asText());
        assertTrue(
                body.get("error_description").asText().startsWith(method + " is not supported"),
                body.toString());
    }

    @Test
    void theMcpEndpointAnswersAWrongMethodWithAJsonRpcError() {
        HttpResponse<String> res = send("PUT", "/mcp");

        assertEquals(405, res.statusCode());
        assertEquals("GET, POST, DELETE, OPTIONS", res.headers().firstValue("Allow").orElse(""));
        assertEquals(-32600, TestServer.json(res).get("error").get("code").asInt());
    }

    @Test
    void metadataAnswersHeadWithoutABody() {
        HttpResponse<String> res = send("HEAD", "/.well-known/oauth-authorization-server");

        assertEquals(200, res.statusCode());
        assertEquals("", res.body());
        assertEquals("application/json", res.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void anUnknownPathIsStill404() {
        assertEquals(404, send("PUT", "/nowhere").statusCode());
    }

    private HttpResponse<String> send(String method, String path) {
        return server.send(
                server.request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }
}
