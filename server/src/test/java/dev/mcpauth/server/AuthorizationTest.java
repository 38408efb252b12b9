package dev.mcpauth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.server.oauth.AuthorizationEndpoint;
import dev.mcpauth.server.oauth.Pkce;
import dev.mcpauth.store.StoreKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authorization endpoint: redirect matching, PKCE, consent, and what is never redirected. */
class AuthorizationTest {

    @TempDir Path dataDir;
    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private String location(HttpResponse<String> res) {
        return res.headers().firstValue("Location").orElse(null);
    }

    @Nested
    class WithAutoApprove {

        @org.junit.jupiter.api.BeforeEach
        void start() {
            server = TestServer.start(dataDir, StoreKind.SQLITE);
        }

        @Test
        void acceptsALoopbackRedirectOnAnotherPort() {
            // Field case 19: VS Code registered these four; the request comes back on :59656.
            String clientId =
                    server.registerPublicClient(
                                    "https://insiders.vscode.dev/redirect",
                                    "https://vscode.dev/redirect",
                                    "http://127.0.0.1/",
                                    "http://127.0.0.1:33418/")
                            .get("client_id")
                            .asText();

            HttpResponse<String> res =
                    server.get(
                            "/authorize?"
                                    + server.authorizeQuery(clientId, "http://127.0.0.1:59656/"));

            assertEquals(302, res.statusCode());
            assertTrue(location(res).startsWith("http://127.0.0.1:59656/?code="));
        }

        @Test
        void returnsCodeStateAndIssuer() {
            String clientId = server.registerPublicClient().get("client_id").asText();

            HttpResponse<String> res =
                    server.get(
                            "/authorize?"
                                    + server.authorizeQuery(
                                            clientId, TestServer.LOOPBACK_REDIRECT));

            assertNotNull(TestServer.queryParam(location(res), "code"));
            assertEquals("st-1", TestServer.queryParam(location(res), "state"));
            assertEquals(
                    server.server().urls().issuer(), TestServer.queryParam(location(res), "iss"));
        }

        @Test
        void showsAnErrorPageAndNeverRedirectsForAnotherLoopbackHost() {
            // Case 19: 127.0.0.1 and localhost are different hosts; the port alone is free.
            String clientId = server.registerPublicClient().get("client_id").asText();

            HttpResponse<String> res =
                    server.get(
                            "/authorize?"
                                    + server.authorizeQuery(clientId, "http://localhost:33418/"));

            assertEquals(400, res.statusCode());
            assertEquals(null, location(res));
            assertTrue(res.body().contains("Unregistered redirect URI"));
        }

        @Test
        void showsAnErrorPageForAnUnknownClient() {
            HttpResponse<String> res =
                    server.get(
                            "/authorize?"
                                    + server.authorizeQuery(
                                            "no-such-client", TestServer.LOOPBACK_REDIRECT));

            assertEquals(400, res.statusCode());
            assertEquals(null, location(res));
            assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        }

        @Test
        void refusesARequestWithoutPkce() {
            String clientId = server.registerPublicClient().get("client_id").asText();
            String query =
                    server.authorizeQuery(clientId, TestServer.LOOPBACK_REDIRECT)
                            .replaceAll("&code_challenge=[^&]*", "");

            HttpResponse<String> res = server.get("/authorize?" + query);

            assertEquals("invalid_request", TestServer.queryParam(location(res), "error"));
            assertEquals("st-1", TestServer.queryParam(location(res), "state"));
        }

        @Test
        void refusesPlainAndAnOmittedMethod() {
            // Field case 20: an omitted method means plain and must not be silently accepted.
            String clientId = server.registerPublicClient().get("client_id").asText();
            String s256 = server.authorizeQuery(clientId, TestServer.LOOPBACK_REDIRECT);

            for (String query :
                    new String[] {
                        s256.replace("method=S256", "method=plain"),
                        s256.replace("&code_challenge_method=S256", "")
                    }) {
                HttpResponse<String> res = server.get("/authorize?" + query);
                assertEquals("invalid_request", TestServer.queryParam(location(res), "error"));
                assertTrue(
                        TestServer.queryParam(location(res), "error_description").contains("S256"));
            }
        }

        @Test
        void refusesAResourceThatIsNotThisServer() {
            String clientId = server.registerPublicClient().get("client_id").asText();
            String query =
                    server.authorizeQuery(clientId, TestServer.LOOPBACK_REDIRECT)
                            .replaceAll(
                                    "&resource=[^&]*",
                                    "&resource=https%3A%2F%2Fother.example%2Fmcp");

            HttpResponse<String> res = server.get("/authorize?" + query);

            assertEquals("invalid_target", TestServer.queryParam(location(res), "error"));
        }

        @Test
        void refusesAParameterSentTwice() {
            String clientId = server.registerPublicClient().get("client_id").asText();

            HttpResponse<String> res =
                    server.get(
                            "/authorize?"
                                    + server.authorizeQuery(clientId, TestServer.LOOPBACK_REDIRECT)
                                    + "&state=x");

            assertEquals("invalid_request", TestServer.queryParam(location(res), "error"));
        }
    }

    @Nested
    class WithConsentPage {

        @org.junit.jupiter.api.BeforeEach
        void start() {
            server = TestServer.start(dataDir, b -> b.autoApprove(false));
        }

        private HttpResponse<String> consentPage() {
            String clientId = server.registerPublicClient().get("client_id").asText();
            return server.get(
                    "/authorize?"
                            + server.authorizeQuery(clientId, TestServer.LOOPBACK_REDIRECT)
                                    .replace("scope=mcp", "scope=mcp+openid"));
        }

        private String requestId(HttpResponse<String> page) {
            Matcher m =
                    Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(page.body());
            assertTrue(m.find(), page.body());
            return m.group(1);
        }

        @Test
        void showsClientRedirectHostScopesAndBothButtons() {
            HttpResponse<String> page = consentPage();

            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Visual Studio Code"));
            assertTrue(page.body().contains("<strong>127.0.0.1</strong>"));
            assertTrue(page.body().contains("<code>mcp</code>"));
            assertTrue(page.body().contains("value=\"approve\""));
            assertTrue(page.body().contains("value=\"deny\""));
            assertTrue(page.body().contains("openid"), "unknown scopes are shown as not granted");
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        }

        @Test
        void approvingRedirectsWithACodeBy303() {
            String id = requestId(consentPage());

            HttpResponse<String> res =
                    server.postForm("/authorize", Map.of("request_id", id, "decision", "approve"));

            assertEquals(303, res.statusCode());
            assertNotNull(TestServer.queryParam(location(res), "code"));
        }

        @Test
        void denyingRedirectsWithAccessDenied() {
            String id = requestId(consentPage());

            HttpResponse<String> res =
                    server.postForm("/authorize", Map.of("request_id", id, "decision", "deny"));

            assertEquals("access_denied", TestServer.queryParam(location(res), "error"));
            assertFalse(location(res).contains("code="));
        }

        @Test
        void keepsAtMostMaxPendingRequestsDroppingTheOldest() {
            String clientId = server.registerPublicClient().get("client_id").asText();
            String page =
                    "/authorize?" + server.authorizeQuery(clientId, TestServer.LOOPBACK_REDIRECT);
            String oldest = requestId(server.get(page));
            String next = requestId(server.get(page));

            IntStream.range(1, AuthorizationEndpoint.MAX_PENDING)
                    .parallel()
                    .forEach(i -> assertEquals(200, server.get(page).statusCode()));

            assertEquals(400, decide(oldest).statusCode());
            assertEquals(303, decide(next).statusCode());
        }

        private HttpResponse<String> decide(String requestId) {
            return server.postForm(
                    "/authorize", Map.of("request_id", requestId, "decision", "approve"));
        }

        @Test
        void aDecisionCountsOnce() {
            String id = requestId(consentPage());
            server.postForm("/authorize", Map.of("request_id", id, "decision", "approve"));

            HttpResponse<String> again =
                    server.postForm("/authorize", Map.of("request_id", id, "decision", "approve"));

            assertEquals(400, again.statusCode());
            assertEquals(null, location(again));
        }
    }

    @Test
    void pkceMatchesTheExampleOfRfc7636() {
        server = TestServer.start(dataDir, StoreKind.MEMORY);
        assertEquals(
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challengeOf(TestServer.VERIFIER));
    }
}
