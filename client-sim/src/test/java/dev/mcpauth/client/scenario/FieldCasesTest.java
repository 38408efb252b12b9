package dev.mcpauth.client.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.client.cache.CachedCredentials;
import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.discovery.Discovery;
import dev.mcpauth.client.discovery.DiscoveryResult;
import dev.mcpauth.client.oauth.ClientCredentials;
import dev.mcpauth.client.oauth.OAuthClient;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.client.profile.RegistrationStyle;
import dev.mcpauth.client.session.ConnectResult;
import dev.mcpauth.client.session.Connection;
import dev.mcpauth.client.session.SessionOptions;
import dev.mcpauth.client.trace.HttpExchange;
import dev.mcpauth.client.trace.RecordingHttpClient;
import dev.mcpauth.client.trace.Trace;
import dev.mcpauth.client.trace.VsCodeLogFormat;
import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import dev.mcpauth.store.StoreKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The field cases of /work/shared/cases that concern clients, against a real server. */
class FieldCasesTest {

    @TempDir Path dataDir;

    static <T> T bounded(Supplier<T> run) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), run::get);
    }

    RestartOutcome restart(ClientProfile profile, StoreKind store) {
        return bounded(
                () ->
                        RestartScenario.run(
                                profile,
                                ServerSetup.of(store),
                                dataDir,
                                CredentialCache.inMemory(),
                                SessionOptions.defaults()));
    }

    static List<String> vscodeLines(RestartOutcome outcome, String phase) {
        return outcome.trace().events().stream()
                .filter(e -> e.phase().equals(phase))
                .flatMap(e -> VsCodeLogFormat.lines(e).stream())
                .toList();
    }

    static long count(List<HttpExchange> exchanges, String method, String path) {
        return exchanges.stream()
                .filter(x -> x.method().equals(method))
                .filter(x -> URI.create(x.url()).getPath().equals(path))
                .count();
    }

    /** Case 01: a stale token after a restart; the 401 repeats with an unchanged scope. */
    @Nested
    class Case01StaleTokenSameScope {

        @Test
        void vscode105IsStuckAndLogsWhatTheReportShows() {
            RestartOutcome outcome = restart(Profiles.VSCODE_1_105, StoreKind.MEMORY);

            assertEquals(Verdict.STUCK, outcome.verdict(), outcome.reason());
            List<String> lines = vscodeLines(outcome, RestartScenario.AFTER);
            assertTrue(
                    lines.stream()
                            .anyMatch(
                                    l ->
                                            l.contains("[trace] Fetching ")
                                                    && l.contains("\"Authorization\":\"***\"")),
                    String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"status\":401")));
            assertTrue(
                    lines.get(lines.size() - 1)
                            .endsWith(
                                    "[error] Server exited before responding to `initialize`"
                                            + " request."),
                    lines.get(lines.size() - 1));
            assertTrue(lines.get(lines.size() - 2).contains("[info] Connection state: Error 401"));
        }

        @Test
        void vscode105NeverRegistersAuthorizesOrAsksForATokenAgain() {
            RestartOutcome outcome = restart(Profiles.VSCODE_1_105, StoreKind.MEMORY);
            List<HttpExchange> after = outcome.trace().exchanges(RestartScenario.AFTER);

            assertEquals(0, count(after, "POST", "/register"));
            assertEquals(0, count(after, "GET", "/authorize"));
            assertEquals(0, count(after, "POST", "/token"));
            assertFalse(outcome.personActed());
        }

        @Test
        void vscodeRunsExactlyOneFreshAuthorizationThenConnects() {
            RestartOutcome outcome = restart(Profiles.VSCODE, StoreKind.MEMORY);
            List<HttpExchange> after = outcome.trace().exchanges(RestartScenario.AFTER);

            assertEquals(Verdict.NEEDS_LOGIN, outcome.verdict(), outcome.reason());
            assertEquals(1, count(after, "POST", "/register"));
            assertEquals(1, count(after, "GET", "/authorize"));
            assertEquals(1, count(after, "POST", "/token"));
            assertTrue(
                    vscodeLines(outcome, RestartScenario.AFTER).stream()
                            .anyMatch(
                                    l ->
                                            l.contains(
                                                    "[debug] Received 401 status with"
                                                            + " Authorization header, retrying with"
                                                            + " new auth registration.")));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"vscode-1.105", "vscode", "ts-sdk", "ts-sdk-2", "python-sdk", "spec"})
        void withTheSqliteStoreEveryProfileRecovers(String profile) {
            RestartOutcome outcome =
                    restart(Profiles.byName(profile).orElseThrow(), StoreKind.SQLITE);

            assertEquals(Verdict.RECOVERED, outcome.verdict(), outcome.reason());
            assertFalse(outcome.personActed());
        }
    }

    /** Case 03: a registered client forgotten between registration and authorization. */
    @Nested
    class Case03ClientLostOnRestart {

        @ParameterizedTest
        @EnumSource(StoreKind.class)
        void aClientRegisteredBeforeTheRestartIsAcceptedOnlyIfTheStoreKeepsIt(StoreKind store) {
            ServerConfig config = ServerConfig.builder(dataDir).port(0).store(store).build();
            ClientProfile profile = Profiles.PYTHON_SDK;
            CredentialCache cache = CredentialCache.inMemory();
            McpAuthServer server = McpAuthServer.start(config);
            int port = server.port();
            URI mcp = URI.create(server.urls().resource());
            try {
                registerOnly(profile, mcp, cache);
                server.close();
                server = McpAuthServer.start(config.toBuilder().port(port).build());

                ConnectResult result =
                        bounded(
                                () ->
                                        new Connection(
                                                        profile,
                                                        mcp,
                                                        cache,
                                                        SessionOptions.defaults(),
                                                        new Trace())
                                                .run());

                if (store == StoreKind.SQLITE) {
                    assertTrue(result.connected(), result.failure());
                } else {
                    assertFalse(result.connected());
                    assertTrue(result.failure().contains("/authorize"), result.failure());
                    assertTrue(result.failure().contains("400"), result.failure());
                }
            } finally {
                server.close();
            }
        }

        private void registerOnly(ClientProfile profile, URI mcp, CredentialCache cache) {
            Trace trace = new Trace();
            RecordingHttpClient http =
                    new RecordingHttpClient(
                            trace, Duration.ofSeconds(5), Map.of(), HttpExchange.CLIENT);
            DiscoveryResult found = new Discovery(profile, http, trace).discover(mcp, null);
            ClientCredentials client =
                    new OAuthClient(http)
                            .register(
                                    found,
                                    profile.registration()
                                            .body(found.metadata(), found.resourceMetadata()));
            cache.put(
                    profile.name(),
                    profile.cacheKey().key(mcp, null, null),
                    CachedCredentials.empty().withClient(client));
        }
    }

    /** Case 18: a registration without token_endpoint_auth_method or grant_types. */
    @Nested
    class Case18RegistrationWithoutAuthMethod {

        @Test
        void theServerChoosesTheMethodAndTheClientAuthenticatesWithIt() {
            ClientProfile bare = withRegistration(Profiles.VSCODE, bareRegistration());
            try (McpAuthServer server =
                    McpAuthServer.start(ServerConfig.builder(dataDir).port(0).build())) {
                Trace trace = new Trace();
                ConnectResult result =
                        bounded(
                                () ->
                                        new Connection(
                                                        bare,
                                                        URI.create(server.urls().resource()),
                                                        CredentialCache.inMemory(),
                                                        SessionOptions.defaults(),
                                                        trace)
                                                .run());

                assertTrue(result.connected(), result.failure());
                HttpExchange register = only(trace, "/register");
                assertEquals(201, register.status());
                assertTrue(
                        register.responseBody()
                                .contains("\"token_endpoint_auth_method\":\"client_secret_basic\""),
                        register.responseBody());
                HttpExchange token = only(trace, "/token");
                assertTrue(token.requestHeaders().get("Authorization").get(0).startsWith("Basic "));
            }
        }

        private RegistrationStyle bareRegistration() {
            return new RegistrationStyle(
                    "test",
                    null,
                    List.of("http://127.0.0.1:33418"),
                    "http://127.0.0.1:33418",
                    null,
                    List.of(),
                    false,
                    null,
                    false,
                    null);
        }
    }

    /** Case 19: a loopback redirect on a port that was not registered literally. */
    @Nested
    class Case19LoopbackPort {

        @Test
        void vscodeOnAnotherLoopbackPortStillGetsItsCode() {
            try (McpAuthServer server =
                    McpAuthServer.start(ServerConfig.builder(dataDir).port(0).build())) {
                Trace trace = new Trace();
                ConnectResult result =
                        bounded(
                                () ->
                                        new Connection(
                                                        Profiles.VSCODE,
                                                        URI.create(server.urls().resource()),
                                                        CredentialCache.inMemory(),
                                                        SessionOptions.defaults()
                                                                .withRedirectUri(
                                                                        "http://127.0.0.1:59656/"),
                                                        trace)
                                                .run());

                assertTrue(result.connected(), result.failure());
                assertTrue(only(trace, "/token").requestBody().contains("59656"));
            }
        }
    }

    static HttpExchange only(Trace trace, String path) {
        List<HttpExchange> found =
                trace.exchanges("connect").stream()
                        .filter(x -> URI.create(x.url()).getPath().equals(path))
                        .toList();
        assertEquals(1, found.size(), path);
        return found.get(0);
    }

    static ClientProfile withRegistration(ClientProfile p, RegistrationStyle registration) {
        return new ClientProfile(
                p.name(),
                p.client(),
                p.resourceMetadata(),
                p.resourceMetadataFailure(),
                p.resourceCheck(),
                p.authorizationServer(),
                p.authorizationServerFailure(),
                p.issuerCheck(),
                p.pkceCheck(),
                p.fallback(),
                registration,
                p.recovery(),
                p.refresh(),
                p.firstRequestWithoutToken(),
                p.maxAuthorizationAttempts(),
                p.cacheKey(),
                p.userAgent(),
                p.vscodeLog());
    }
}
