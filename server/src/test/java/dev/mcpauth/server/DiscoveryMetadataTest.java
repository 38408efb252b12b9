package dev.mcpauth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.store.StoreKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a client finds before it has a token: the challenge and the metadata documents. */
class DiscoveryMetadataTest {

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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/.well-known/oauth-protected-resource/mcp",
                "/.well-known/oauth-protected-resource"
            })
    void publishesResourceMetadataWhoseResourceIsTheFullMcpUrl(String path) {
        // Field case 11: resource names the endpoint including /mcp, never the root.
        HttpResponse<String> res = server.get(path);
        JsonNode prm = TestServer.json(res);

        assertEquals(200, res.statusCode());
        assertEquals(server.url("/mcp"), prm.get("resource").asText());
        assertEquals(server.url(""), prm.get("authorization_servers").get(0).asText());
        assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/.well-known/oauth-authorization-server",
                "/.well-known/openid-configuration"
            })
    void issuerIsByteIdenticalToTheAuthorizationServerOfTheResourceMetadata(String path) {
        JsonNode prm = TestServer.json(server.get("/.well-known/oauth-protected-resource/mcp"));
        JsonNode as = TestServer.json(server.get(path));

        assertEquals(prm.get("authorization_servers").get(0).asText(), as.get("issuer").asText());
        assertFalse(as.get("issuer").asText().endsWith("/"));
    }

    @Test
    void advertisesS256AsTheOnlyPkceMethod() {
        // Field case 20: the methods are always listed, and plain never is.
        JsonNode as = TestServer.json(server.get("/.well-known/oauth-authorization-server"));

        assertEquals("[\"S256\"]", as.get("code_challenge_methods_supported").toString());
        assertTrue(as.get("authorization_response_iss_parameter_supported").asBoolean());
        assertTrue(as.has("registration_endpoint"));
        assertTrue(as.has("revocation_endpoint"));
    }

    @Test
    void challengesARequestWithoutTokenWithMetadataUrlAndScopeButNoError() {
        HttpResponse<String> res = server.mcp(null, null, TestServer.INITIALIZE);
        BearerChallenge challenge =
                BearerChallenge.parse(res.headers().firstValue("WWW-Authenticate").orElseThrow())
                        .orElseThrow();

        assertEquals(401, res.statusCode());
        assertEquals(
                server.url("/.well-known/oauth-protected-resource/mcp"),
                challenge.resourceMetadata());
        assertEquals("mcp", challenge.scope());
        assertNull(challenge.error(), "RFC 6750 section 3.1: no error code without a token");
    }

    @Test
    void exposesTheChallengeToBrowserClients() {
        HttpResponse<String> res = server.mcp(null, null, TestServer.INITIALIZE);
        HttpResponse<String> withOrigin =
                server.send(
                        server.request(
                                        "/mcp",
                                        "Origin",
                                        "http://localhost:6274",
                                        "Content-Type",
                                        "application/json")
                                .POST(
                                        java.net.http.HttpRequest.BodyPublishers.ofString(
                                                TestServer.INITIALIZE)));

        assertEquals(401, res.statusCode());
        assertEquals(
                "http://localhost:6274",
                withOrigin.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(
                withOrigin
                        .headers()
                        .firstValue("Access-Control-Expose-Headers")
                        .orElse("")
                        .contains("WWW-Authenticate"));
    }
}
