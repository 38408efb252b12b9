package dev.mcpauth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.store.StoreKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart: everything with sqlite, nothing with memory (the original bug). */
class RestartTest {

    @TempDir Path dataDir;
    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Nested
    class WithTheSqliteStore {

        @org.junit.jupiter.api.BeforeEach
        void start() {
            server = TestServer.start(dataDir, StoreKind.SQLITE);
        }

        @Test
        void keepsTheClientBetweenRegisterAndAuthorize() {
            // Field case 03: after the restart step 3 must be a 302 again for CLIENT_A.
            String clientA = server.registerPublicClient().get("client_id").asText();
            long before = server.server().instance().id();

            server.restart();
            HttpResponse<String> res =
                    server.get(
                            "/authorize?"
                                    + server.authorizeQuery(clientA, TestServer.LOOPBACK_REDIRECT));

            assertNotEquals(before, server.server().instance().id());
            assertEquals(302, res.statusCode());
            assertTrue(res.headers().firstValue("Location").orElseThrow().contains("code="));
        }

        @Test
        void theRestartedServerCountsItsReadyTimeFromItsOwnStart() {
            long before = System.nanoTime();
            server.restart();
            long elapsed = (System.nanoTime() - before) / 1_000_000;

            long ready = server.server().readyMillis();
            assertTrue(ready <= elapsed, ready + " ms to ready, but the restart took " + elapsed);
        }

        @Test
        void theReadyLineCountsWhatTheStoreKeptInPlainEnglish() {
            server.login();
            List<String> lines = new ArrayList<>();
            Handler handler =
                    new Handler() {
                        @Override
                        public void publish(LogRecord record) {
                            lines.add(new SimpleFormatter().formatMessage(record));
                        }

                        @Override
                        public void flush() {}

                        @Override
                        public void close() {}
                    };
            Logger logger = Logger.getLogger("mcpauth.server");
            logger.addHandler(handler);
            try {
                server.restart();
            } finally {
                logger.removeHandler(handler);
            }

            String ready =
                    lines.stream().filter(l -> l.contains("ready at")).findFirst().orElseThrow();
            // One client; its access token and its refresh token.
            assertTrue(ready.contains(": 1 client, 2 active tokens)"), ready);
        }

        @Test
        void keepsAcceptingTokensIssuedBeforeTheRestart() {
            JsonNode tokens = server.login();

            server.restart();
            String session = server.initialize(tokens.get("access_token").asText());
            JsonNode whoami =
                    TestServer.json(
                                    server.mcp(
                                            tokens.get("access_token").asText(),
                                            session,
                                            TestServer.toolCall("whoami")))
                            .at("/result/structuredContent");

            assertEquals(false, whoami.get("issued_by_this_instance").asBoolean());
            HttpResponse<String> refreshed =
                    server.refresh(
                            tokens.get("client_id").asText(), tokens.get("refresh_token").asText());
            assertEquals(200, refreshed.statusCode());
        }

        @Test
        void stillDetectsACodeReplayAcrossTheRestart() {
            String clientId = server.registerPublicClient().get("client_id").asText();
            String code = server.authorize(clientId, TestServer.LOOPBACK_REDIRECT);
            server.exchange(clientId, code, TestServer.VERIFIER);

            server.restart();

            assertEquals(400, server.exchange(clientId, code, TestServer.VERIFIER).statusCode());
        }
    }

    @Nested
    class WithTheMemoryStore {

        @org.junit.jupiter.api.BeforeEach
        void start() {
            server = TestServer.start(dataDir, StoreKind.MEMORY);
        }

        @Test
        void forgetsTheClientSoAuthorizeShowsAnErrorPageInsteadOfRedirecting() {
            // Field case 03 as reported: the client id is unknown after the restart, and the
            // server must not redirect to an unverified redirect_uri.
            String clientA = server.registerPublicClient().get("client_id").asText();

            server.restart();
            HttpResponse<String> res =
                    server.get(
                            "/authorize?"
                                    + server.authorizeQuery(clientA, TestServer.LOOPBACK_REDIRECT));

            assertEquals(400, res.statusCode());
            assertTrue(res.headers().firstValue("Location").isEmpty());
            assertTrue(res.body().contains(clientA));
        }

        @Test
        void answersTheStaleTokenWith401InvalidToken() {
            JsonNode tokens = server.login();

            server.restart();
            HttpResponse<String> res =
                    server.mcp(tokens.get("access_token").asText(), null, TestServer.INITIALIZE);
            BearerChallenge challenge =
                    BearerChallenge.parse(
                                    res.headers().firstValue("WWW-Authenticate").orElseThrow())
                            .orElseThrow();

            assertEquals(401, res.statusCode());
            assertEquals("invalid_token", challenge.error());
            assertEquals("mcp", challenge.scope());
        }

        @Test
        void answersTheStaleClientAtTheTokenEndpointWithInvalidClient() {
            JsonNode tokens = server.login();

            server.restart();
            HttpResponse<String> res =
                    server.refresh(
                            tokens.get("client_id").asText(), tokens.get("refresh_token").asText());

            assertEquals(401, res.statusCode());
            assertEquals("invalid_client", TestServer.json(res).get("error").asText());
            assertEquals(
                    "Basic realm=\"mcpauth\"",
                    res.headers().firstValue("WWW-Authenticate").orElse(null));
        }
    }
}
