package dev.mcpauth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.store.IssuedToken;
import dev.mcpauth.token.Secrets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the MCP endpoint treats the Authorization header (RFC 6750, RFC 8707, step-up). */
class BearerTokenTest {

    @TempDir Path dataDir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, b -> b);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String... headers) {
        return server.postJson("/mcp", TestServer.INITIALIZE, headers);
    }

    private BearerChallenge challenge(HttpResponse<String> res) {
        return BearerChallenge.parse(res.headers().firstValue("WWW-Authenticate").orElseThrow())
                .orElseThrow();
    }

    @Test
    void answersAnUnknownTokenWithInvalidToken() {
        HttpResponse<String> res = post("Authorization", "Bearer 1700000000000.unknown");

        assertEquals(401, res.statusCode());
        assertEquals("invalid_token", challenge(res).error());
        assertEquals("mcp", challenge(res).scope());
    }

    @Test
    void answersAGarbledHeaderWith401() {
        HttpResponse<String> notBearer = post("Authorization", "Basic Zm9vOmJhcg==");
        HttpResponse<String> badChars = post("Authorization", "Bearer a b\"c");

        assertEquals(401, notBearer.statusCode());
        assertNull(challenge(notBearer).error());
        assertEquals(401, badChars.statusCode());
        assertEquals("invalid_token", challenge(badChars).error());
    }

    @Test
    void refusesTwoAuthorizationHeadersWith400() {
        String token = server.login().get("access_token").asText();

        HttpResponse<String> res =
                server.send(
                        server.request(
                                        "/mcp",
                                        "Authorization",
                                        "Bearer " + token,
                                        "Authorization",
                                        "Bearer " + token,
                                        "Content-Type",
                                        "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(TestServer.INITIALIZE)));

        assertEquals(400, res.statusCode());
        assertEquals("invalid_request", TestServer.json(res).get("error").asText());
    }

    @Test
    void refusesATokenInTheQueryString() {
        String token = server.login().get("access_token").asText();

        HttpResponse<String> res =
                server.postJson("/mcp?access_token=" + token, TestServer.INITIALIZE);

        assertEquals(400, res.statusCode());
    }

    @Test
    void refusesATokenIssuedForAnotherAudience() {
        // Field case 06, server side: a token not bound to this resource is invalid_token.
        String client = server.registerPublicClient().get("client_id").asText();
        String token = "1700000000000.another-audience-token";
        Instant now = Instant.now();
        server.server()
                .store()
                .saveTokens(
                        List.of(
                                new IssuedToken(
                                        Secrets.hash(token),
                                        IssuedToken.Kind.ACCESS,
                                        client,
                                        "grant-x",
                                        "mcp",
                                        "https://other.example/mcp",
                                        1700000000000L,
                                        now,
                                        now.plus(Duration.ofHours(1)),
                                        null,
                                        null)));

        HttpResponse<String> res = post("Authorization", "Bearer " + token);

        assertEquals(401, res.statusCode());
        assertEquals("invalid_token", challenge(res).error());
        assertTrue(challenge(res).errorDescription().contains("https://other.example/mcp"));
    }

    @Test
    void stepsUpWith403ListingEveryScopeNeeded() {
        String token = server.login().get("access_token").asText();
        String session = server.initialize(token);

        HttpResponse<String> res = server.mcp(token, session, TestServer.toolCall("audit_log"));

        assertEquals(403, res.statusCode());
        assertEquals("insufficient_scope", challenge(res).error());
        assertEquals("mcp mcp:audit", challenge(res).scope());
        assertEquals(
                server.url("/.well-known/oauth-protected-resource/mcp"),
                challenge(res).resourceMetadata());
    }

    @Test
    void refusesARefreshTokenUsedAsAccessToken() {
        String refresh = server.login().get("refresh_token").asText();

        assertEquals(401, post("Authorization", "Bearer " + refresh).statusCode());
    }
}
