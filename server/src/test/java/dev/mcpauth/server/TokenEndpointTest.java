package dev.mcpauth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.store.StoreKind;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The token endpoint and revocation: single-use codes, rotation, client authentication. */
class TokenEndpointTest {

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

    private int whoamiStatus(String token) {
        return server.mcp(token, null, TestServer.INITIALIZE).statusCode();
    }

    @Test
    void issuesBearerTokensThatAreNeverCached() {
        String clientId = server.registerPublicClient().get("client_id").asText();
        String code = server.authorize(clientId, TestServer.LOOPBACK_REDIRECT);

        HttpResponse<String> res = server.exchange(clientId, code, TestServer.VERIFIER);
        JsonNode body = TestServer.json(res);

        assertEquals(200, res.statusCode());
        assertEquals("no-store", res.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(3600, body.get("expires_in").asInt());
        assertEquals("mcp", body.get("scope").asText());
        assertTrue(
                body.get("access_token").asText().startsWith(server.server().instance().id() + "."),
                "instance-prefixed by default");
    }

    @Test
    void refusesAnOversizedFormWith413AndKeepsWhatIsStored() {
        String token = server.login().get("access_token").asText();
        String padding = "a".repeat(70 * 1024);

        for (String path : new String[] {"/token", "/revoke"}) {
            HttpResponse<String> res =
                    server.postForm(path, Map.of("grant_type", "refresh_token", "pad", padding));

            assertEquals(413, res.statusCode(), path);
            assertEquals("invalid_request", TestServer.json(res).get("error").asText(), path);
            assertTrue(
                    TestServer.json(res).get("error_description").asText().contains("65536"),
                    res.body());
        }
        assertEquals(200, whoamiStatus(token), "the token issued before is still valid");
    }

    @Test
    void answersAJsonBodyWithWhatTheEndpointExpects() {
        HttpResponse<String> res =
                server.postJson("/token", "{\"grant_type\":\"authorization_code\"}");

        assertEquals(400, res.statusCode());
        assertEquals("invalid_request", TestServer.json(res).get("error").asText());
        assertTrue(
                TestServer.json(res)
                        .get("error_description")
                        .asText()
                        .contains("not application/json"),
                res.body());
    }

    @Test
    void refusesARevocationThatNamesTheTokenTwice() {
        JsonNode login = server.login();
        String clientId = login.get("client_id").asText();
        String token = login.get("access_token").asText();

        HttpResponse<String> res =
                server.send(
                        server.request("/revoke")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        java.net.http.HttpRequest.BodyPublishers.ofString(
                                                "client_id="
                                                        + clientId
                                                        + "&token=junk&token="
                                                        + token)));

        assertEquals(400, res.statusCode());
        assertEquals(200, whoamiStatus(token), "nothing was revoked");
    }

    @Test
    void answersAFormThatIsNotPercentEncodingWithAnOAuthError() {
        HttpResponse<String> res =
                server.send(
                        server.request("/token")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        java.net.http.HttpRequest.BodyPublishers.ofString(
                                                "grant_type=authorization_code&code=%zz")));

        assertEquals(400, res.statusCode());
        assertEquals("invalid_request", TestServer.json(res).get("error").asText());
        assertEquals(
                "the value of code is not valid form encoding: '%' must be followed by two hex"
                        + " digits (application/x-www-form-urlencoded; send '%' itself as %25)",
                TestServer.json(res).get("error_description").asText());
    }

    @Test
    void rejectsAWrongVerifier() {
        String clientId = server.registerPublicClient().get("client_id").asText();
        String code = server.authorize(clientId, TestServer.LOOPBACK_REDIRECT);

        HttpResponse<String> res =
                server.exchange(clientId, code, TestServer.VERIFIER.replace('d', 'e'));

        assertEquals(400, res.statusCode());
        assertEquals("invalid_grant", TestServer.json(res).get("error").asText());
    }

    @Test
    void rejectsAReusedCodeAndRevokesWhatItProduced() {
        String clientId = server.registerPublicClient().get("client_id").asText();
        String code = server.authorize(clientId, TestServer.LOOPBACK_REDIRECT);
        String token =
                TestServer.json(server.exchange(clientId, code, TestServer.VERIFIER))
                        .get("access_token")
                        .asText();
        assertEquals(200, whoamiStatus(token));

        HttpResponse<String> replay = server.exchange(clientId, code, TestServer.VERIFIER);

        assertEquals(400, replay.statusCode());
        assertEquals("invalid_grant", TestServer.json(replay).get("error").asText());
        assertEquals(401, whoamiStatus(token));
    }

    @Test
    void rotatesRefreshTokens() {
        JsonNode first = server.login();
        String clientId = first.get("client_id").asText();

        JsonNode second =
                TestServer.json(server.refresh(clientId, first.get("refresh_token").asText()));

        assertNotEquals(first.get("refresh_token").asText(), second.get("refresh_token").asText());
        assertEquals(200, whoamiStatus(second.get("access_token").asText()));
        assertEquals(200, whoamiStatus(first.get("access_token").asText()));
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeGrant() {
        JsonNode first = server.login();
        String clientId = first.get("client_id").asText();
        JsonNode second =
                TestServer.json(server.refresh(clientId, first.get("refresh_token").asText()));

        HttpResponse<String> replay = server.refresh(clientId, first.get("refresh_token").asText());

        assertEquals("invalid_grant", TestServer.json(replay).get("error").asText());
        assertEquals(401, whoamiStatus(second.get("access_token").asText()));
        assertEquals(
                400, server.refresh(clientId, second.get("refresh_token").asText()).statusCode());
    }

    @Test
    void answersAnUnknownClientWith401InvalidClient() {
        HttpResponse<String> res =
                server.postForm(
                        "/token",
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                "x",
                                "code_verifier",
                                TestServer.VERIFIER,
                                "client_id",
                                "forgotten-client"));

        assertEquals(401, res.statusCode());
        assertEquals("invalid_client", TestServer.json(res).get("error").asText());
    }

    @Test
    void authenticatesConfidentialClientsWithBasic() {
        JsonNode reg =
                TestServer.json(
                        server.postJson(
                                "/register",
                                "{\"redirect_uris\":[\"" + TestServer.LOOPBACK_REDIRECT + "\"]}"));
        String id = reg.get("client_id").asText();
        String code = server.authorize(id, TestServer.LOOPBACK_REDIRECT);
        Map<String, String> form =
                new LinkedHashMap<>(
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                code,
                                "code_verifier",
                                TestServer.VERIFIER,
                                "redirect_uri",
                                TestServer.LOOPBACK_REDIRECT));
        String basic =
                Base64.getEncoder()
                        .encodeToString(
                                (id + ":" + reg.get("client_secret").asText())
                                        .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> wrong =
                server.postForm(
                        "/token",
                        form,
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (id + ":nope").getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> right =
                server.postForm("/token", form, "Authorization", "Basic " + basic);

        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(200, right.statusCode(), right.body());
    }

    @Test
    void revokingARefreshTokenRevokesItsAccessTokens() {
        JsonNode tokens = server.login();

        HttpResponse<String> res =
                server.postForm(
                        "/revoke",
                        Map.of(
                                "token",
                                tokens.get("refresh_token").asText(),
                                "client_id",
                                tokens.get("client_id").asText()));

        assertEquals(200, res.statusCode());
        assertEquals(401, whoamiStatus(tokens.get("access_token").asText()));
    }

    @Test
    void revokingAnUnknownTokenStillAnswers200() {
        JsonNode tokens = server.login();

        HttpResponse<String> res =
                server.postForm(
                        "/revoke",
                        Map.of(
                                "token",
                                "nothing-here",
                                "client_id",
                                tokens.get("client_id").asText()));

        assertEquals(200, res.statusCode());
        assertEquals(200, whoamiStatus(tokens.get("access_token").asText()));
    }

    @ParameterizedTest
    @EnumSource(value = dev.mcpauth.token.TokenFormat.class)
    void mintsTokensInTheConfiguredFormat(dev.mcpauth.token.TokenFormat format) {
        server.close();
        server = TestServer.start(dataDir, b -> b.tokenFormat(format));

        String token = server.login().get("access_token").asText();

        String expected =
                switch (format) {
                    case INSTANCE -> server.server().instance().id() + "\\.[A-Za-z0-9_-]{43}";
                    case OPAQUE -> "[0-9a-f]{64}";
                };
        assertTrue(token.matches(expected), token);
        assertEquals(200, whoamiStatus(token));
    }
}
