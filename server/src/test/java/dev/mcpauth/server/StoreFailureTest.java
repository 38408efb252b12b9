package dev.mcpauth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.store.StoreKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that fails (a full disk, a lost file) gets 503 in each endpoint's own error format. */
class StoreFailureTest {

    @TempDir Path dataDir;
    TestServer server;

    @BeforeEach
    void startAndBreakTheStore() {
        server = TestServer.start(dataDir, StoreKind.SQLITE);
        server.server().store().close();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersRegistrationWithAnOAuthErrorThatKeepsThePathToItself() {
        HttpResponse<String> res =
                server.postJson("/register", "{\"redirect_uris\":[\"http://127.0.0.1/\"]}");
        JsonNode body = TestServer.json(res);

        assertEquals(503, res.statusCode());
        assertEquals("temporarily_unavailable", body.path("error").asText());
        assertFalse(body.has("jsonrpc"));
        assertFalse(res.body().contains(dataDir.toString()));
    }

    @Test
    void answersTheTokenEndpointWithAnOAuthError() {
        HttpResponse<String> res = server.refresh("c", "r");

        assertEquals(503, res.statusCode());
        assertEquals("temporarily_unavailable", TestServer.json(res).path("error").asText());
    }

    @Test
    void answersTheMcpEndpointWithAJsonRpcError() {
        HttpResponse<String> res =
                server.postJson(
                        "/mcp",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                        "Authorization",
                        "Bearer abc");

        assertEquals(503, res.statusCode());
        assertEquals("2.0", TestServer.json(res).path("jsonrpc").asText());
        assertFalse(res.body().contains(dataDir.toString()));
    }
}
