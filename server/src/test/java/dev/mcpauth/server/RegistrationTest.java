package dev.mcpauth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.store.StoreKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dynamic client registration, RFC 7591. */
class RegistrationTest {

    @TempDir Path dataDir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, StoreKind.SQLITE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void acceptsABodyWithoutAuthMethodAndReturnsTheMethodItChose() {
        // Field case 18: the exact body of the report, which a server once rejected over its
        // own default. Verdict: 201 with client_id and an explicit token_endpoint_auth_method.
        HttpResponse<String> res =
                server.postJson(
                        "/register",
                        "{\"redirect_uris\":[\"http://127.0.0.1:33418\"],"
                                + "\"client_name\":\"test\"}");
        JsonNode body = TestServer.json(res);

        assertEquals(201, res.statusCode());
        assertTrue(body.hasNonNull("client_id"));
        assertEquals("client_secret_basic", body.get("token_endpoint_auth_method").asText());
        assertTrue(body.hasNonNull("client_secret"));
        assertEquals(0, body.get("client_secret_expires_at").asInt());
        assertEquals("no-store", res.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void registersTheBodyVsCodeSendsAsAPublicClient() {
        HttpResponse<String> res =
                server.postJson(
                        "/register",
                        """
                        {"client_name":"Visual Studio Code",
                         "client_uri":"https://code.visualstudio.com",
                         "grant_types":["authorization_code","refresh_token"],
                         "response_types":["code"],
                         "redirect_uris":["https://insiders.vscode.dev/redirect",
                           "https://vscode.dev/redirect","http://127.0.0.1/",
                           "http://127.0.0.1:33418/"],
                         "scope":"mcp mcp:audit","token_endpoint_auth_method":"none",
                         "application_type":"native"}
                        """);
        JsonNode body = TestServer.json(res);

        assertEquals(201, res.statusCode());
        assertEquals("none", body.get("token_endpoint_auth_method").asText());
        assertFalse(body.has("client_secret"));
        assertEquals(4, body.get("redirect_uris").size());
        assertEquals("native", body.get("application_type").asText());
    }

    @Test
    void namesTheRedirectUriItRejects() {
        HttpResponse<String> res =
                server.postJson(
                        "/register",
                        "{\"redirect_uris\":[\"http://127.0.0.1/\",\"http://evil.example/cb\"]}");
        JsonNode body = TestServer.json(res);

        assertEquals(400, res.statusCode());
        assertEquals("invalid_redirect_uri", body.get("error").asText());
        assertTrue(body.get("error_description").asText().contains("http://evil.example/cb"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{}",
                "{\"redirect_uris\":[]}",
                "{\"redirect_uris\":[\"http://127.0.0.1/\"],"
                        + "\"token_endpoint_auth_method\":\"private_key_jwt\"}",
                "{\"redirect_uris\":[\"http://127.0.0.1/\"],\"grant_types\":[\"implicit\"]}",
                "{\"redirect_uris\":[\"javascript:alert(1)\"]}",
                "{\"redirect_uris\":[\"https://app.example/cb#frag\"]}"
            })
    void refusesInvalidMetadataAndStoresNothing(String body) {
        long before = server.server().store().counts(Instant.now()).clients();

        HttpResponse<String> res = server.postJson("/register", body);

        assertEquals(400, res.statusCode());
        assertTrue(TestServer.json(res).get("error").asText().startsWith("invalid_"));
        assertEquals(before, server.server().store().counts(Instant.now()).clients());
    }
}
