package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpauth.cli.CaseServer.Reply;
import dev.mcpauth.cli.CliTest.Run;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import dev.mcpauth.server.Workaround;
import dev.mcpauth.store.IssuedToken;
import dev.mcpauth.store.RegisteredClient;
import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.Secrets;
import dev.mcpauth.token.TokenFormat;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcpauth token decode} and {@code token verify}, black-box. */
class TokenCommandTest {

    static final JsonNode CASE_06 = Cases.json("06-missing-resource-aud-is-client-id.json");
    static final String CASE_06_TOKEN = CASE_06.get("access_token").asText();

    static Run run(String... args) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> CliTest.run(args));
    }

    @Nested
    class Input {

        @Test
        void acceptsAWholeAuthorizationHeaderLine() {
            Run run = run("token", "decode", "Authorization: Bearer " + CASE_06_TOKEN);

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("kind:         jwt"), run.out());
        }

        @Test
        void readsTheTokenFromStdinWithADash() {
            InputStream saved = System.in;
            try {
                System.setIn(
                        new ByteArrayInputStream(
                                ("Bearer " + CASE_06_TOKEN + "\n")
                                        .getBytes(StandardCharsets.UTF_8)));
                Run run = run("token", "decode", "-", "--json");

                assertEquals(0, run.exitCode(), run.err());
                assertTrue(run.out().contains("\"kind\" : \"jwt\""), run.out());
            } finally {
                System.setIn(saved);
            }
        }

        @Test
        void neverPrintsTheWholeTokenUnlessRevealed() {
            Run hidden = run("token", "decode", CASE_06_TOKEN, "--json");
            Run shown = run("token", "decode", CASE_06_TOKEN, "--reveal");

            assertFalse(hidden.out().contains(CASE_06_TOKEN));
            assertTrue(hidden.out().contains(Secrets.fingerprint(CASE_06_TOKEN)));
            assertTrue(shown.out().contains(CASE_06_TOKEN));
        }

        @Test
        void anEmptyTokenIsAUsageErrorWithOneLine() {
            Run run = run("token", "decode", "Bearer ");

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }

        @Test
        void tooManyDotsIsAUsageError() {
            Run run = run("token", "decode", "a.b.c.d");

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertTrue(run.err().contains("4 dot-separated parts"), run.err());
        }

        @Test
        void badBase64InAJwtIsAUsageError() {
            Run run = run("token", "decode", "eyJhbGciOiJub25lIn0.%%%%.sig");

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertFalse(run.err().contains("Exception"), run.err());
        }

        @Test
        void aJwtWithAHeaderThatIsNotBase64IsAUsageError() {
            Run run = run("token", "decode", "!!!.abc.def");

            assertEquals(ExitCode.USAGE, run.exitCode());
        }
    }

    @Nested
    class InstanceTokens {

        @Test
        void showsTheInstanceAsATimeAndTheSecretAsAFingerprint() {
            long id = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
            String token = TokenFormat.INSTANCE.mint(id);

            Run run = run("token", "decode", token);

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("instance id:  " + id), run.out());
            assertTrue(run.out().contains("2026-12-01T10:00:00Z"), run.out());
            assertTrue(run.out().contains(" ago)"), run.out());
            assertTrue(run.out().contains(Secrets.fingerprint(token.substring(14))), run.out());
            assertFalse(run.out().contains(token.substring(14)));
        }

        /** Case 01: the token of instance instA presented after a restart to instance instB. */
        @Test
        void case01TokenOfAnEarlierInstanceIsReportedAsSuch() {
            Run run = run("token", "decode", "instA.tok-0001", "--instance", "instB");

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("instanceId=instA"), run.out());
            assertTrue(
                    run.out()
                            .contains(
                                    "current server instance is instB -> token was issued by a"
                                            + " previous server instance"),
                    run.out());
        }

        @Test
        void theRunningServerAcceptsItsOwnTokenAndRejectsItAfterARestart(@TempDir Path dir) {
            String token;
            long first;
            try (McpAuthServer server = memoryServer(dir, Set.of())) {
                first = server.instance().id();
                token = storeToken(server);

                Run run = run("token", "decode", token, "--server", resource(server));

                assertEquals(0, run.exitCode(), run.err());
                assertTrue(run.out().contains("the server accepts the token"), run.out());
                assertTrue(
                        run.out().contains("issued by the running server instance " + first),
                        run.out());
            }
            try (McpAuthServer restarted =
                    memoryServer(dir, Set.of(Workaround.INVALID_TOKEN_DETAIL))) {
                Run run = run("token", "decode", token, "--server", resource(restarted));

                assertEquals(0, run.exitCode(), run.err());
                assertTrue(run.out().contains("no longer accepts the token: 401"), run.out());
                assertTrue(
                        run.out()
                                .contains(
                                        "current server instance is "
                                                + restarted.instance().id()
                                                + " -> token was issued by a previous server"
                                                + " instance ("
                                                + first
                                                + ")"),
                        run.out());
            }
        }

        @Test
        void aPersistentServerStillAcceptsATokenOfItsPreviousInstance(@TempDir Path dir) {
            ServerConfig config = ServerConfig.builder(dir).port(0).build();
            String token;
            long first;
            int port;
            try (McpAuthServer server = McpAuthServer.start(config)) {
                first = server.instance().id();
                port = server.port();
                token = storeToken(server);
            }
            try (McpAuthServer restarted =
                    McpAuthServer.start(config.toBuilder().port(port).build())) {
                Run run = run("token", "decode", token, "--server", resource(restarted));

                assertEquals(0, run.exitCode(), run.err());
                assertTrue(run.out().contains("the server accepts the token"), run.out());
                assertTrue(
                        run.out()
                                .contains(
                                        "current server instance is "
                                                + restarted.instance().id()
                                                + " -> token was issued by a previous server"
                                                + " instance ("
                                                + first
                                                + ")"),
                        run.out());
            }
        }

        @Test
        void anUnreachableServerExitsWith5() {
            Run run =
                    run(
                            "token",
                            "decode",
                            "instA.tok-0001",
                            "--server",
                            "http://127.0.0.1:1/mcp",
                            "--timeout",
                            "2s");

            assertEquals(ExitCode.UNREACHABLE, run.exitCode(), run.err());
        }
    }

    @Nested
    class Jwts {

        /** Case 06: aud is the client id, not the MCP server. */
        @Test
        void case06AudienceIsTheClientIdNotTheResourceFromTheServersMetadata() {
            try (CaseServer remote = new CaseServer()) {
                remote.on(
                                "POST",
                                "/mcp",
                                Reply.status(
                                        401,
                                        "WWW-Authenticate",
                                        "Bearer error=\"invalid_token\", resource_metadata="
                                                + "\"{origin}/.well-known/oauth-protected-resource"
                                                + "/mcp\""))
                        .on(
                                "GET",
                                "/.well-known/oauth-protected-resource/mcp",
                                Reply.json(CASE_06.get("protected_resource_metadata").toString()));

                Run run = run("token", "decode", CASE_06_TOKEN, "--server", remote.url("/mcp"));

                assertEquals(0, run.exitCode(), run.err());
                assertTrue(
                        run.out()
                                .contains(
                                        "aud='mcp-client' equals azp (the client id) and does"
                                                + " not contain the PRM resource"
                                                + " 'http://localhost:8130/mcp' -> token is not"
                                                + " audience-bound to this MCP server"),
                        run.out());
                assertTrue(run.out().contains("signature not verified"), run.out());
            }
        }

        @Test
        void case06WithAnExplicitResourceAndHumanTimes() {
            Run run =
                    run(
                            "token",
                            "decode",
                            CASE_06_TOKEN,
                            "--resource",
                            "http://localhost:8130/mcp",
                            "--json");

            assertEquals(0, run.exitCode(), run.err());
            JsonNode out = read(run.out());
            JsonNode jwt = out.get("jwt");
            assertEquals("not verified", jwt.get("signature").asText());
            assertTrue(jwt.get("expired").asBoolean());
            assertEquals("mcp-client", jwt.get("azp").asText());
            assertEquals(List.of("openid", "profile"), strings(jwt.get("scopes")));
            assertFalse(jwt.get("audience").get("matches").asBoolean());
            assertEquals("2026-08-29T10:45:00Z", jwt.get("times").get(1).get("iso").asText());
        }

        @Test
        void verifyAcceptsTheRightKeyAndRejectsAnotherWithExit3() throws Exception {
            RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
            RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
            String jwt = sign(key);
            try (CaseServer keys = new CaseServer()) {
                keys.on("GET", "/good", Reply.json(new JWKSet(key.toPublicJWK()).toString()))
                        .on("GET", "/bad", Reply.json(new JWKSet(other.toPublicJWK()).toString()));

                Run good = run("token", "verify", jwt, "--jwks", keys.url("/good"));
                Run bad = run("token", "verify", jwt, "--jwks", keys.url("/bad"));

                assertEquals(0, good.exitCode(), good.err() + good.out());
                assertTrue(good.out().contains("verified:     yes"), good.out());
                assertEquals(ExitCode.CHECKS_FAILED, bad.exitCode(), bad.err() + bad.out());
            }
        }

        @Test
        void verifyThroughAServerWithoutKeysSaysSo(@TempDir Path dir) throws Exception {
            String jwt = sign(new RSAKeyGenerator(2048).keyID("k1").generate());
            try (McpAuthServer server = memoryServer(dir, Set.of())) {
                Run run = run("token", "verify", jwt, "--server", resource(server));

                assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
                assertTrue(run.err().contains("publishes no jwks_uri"), run.err());
            }
        }

        @Test
        void verifyOfAnHtmlPageInsteadOfKeysIsAUsageError() throws Exception {
            String jwt = sign(new RSAKeyGenerator(2048).keyID("k1").generate());
            try (CaseServer keys = new CaseServer()) {
                Run run = run("token", "verify", jwt, "--jwks", keys.url("/missing"));

                assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
                assertTrue(run.err().contains("404"), run.err());
            }
        }
    }

    @Nested
    class OpaqueTokens {

        @Test
        void reportsLengthAlphabetEntropyAndIntrospection() {
            Run run = run("token", "decode", TokenFormat.OPAQUE.mint(0), "--json");

            assertEquals(0, run.exitCode(), run.err());
            JsonNode opaque = read(run.out()).get("opaque");
            assertEquals("hex", opaque.get("alphabet").asText());
            assertEquals(256, opaque.get("estimated_entropy_bits").asInt(), run.out());
            assertTrue(run.out().contains("RFC 7662"), run.out());
        }
    }

    static String sign(RSAKey key) throws Exception {
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer("http://localhost:9000")
                        .audience("http://localhost:3000/mcp")
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build();
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static McpAuthServer memoryServer(Path dir, Set<Workaround> workarounds) {
        return McpAuthServer.start(
                ServerConfig.builder(dir)
                        .port(0)
                        .store(StoreKind.MEMORY)
                        .workarounds(workarounds)
                        .build());
    }

    static String resource(McpAuthServer server) {
        return server.urls().resource();
    }

    /** An access token as the token endpoint would have issued it, for scope mcp. */
    static String storeToken(McpAuthServer server) {
        String token = TokenFormat.INSTANCE.mint(server.instance().id());
        Instant now = Instant.now();
        server.store()
                .saveClient(
                        new RegisteredClient(
                                "client-1",
                                null,
                                "none",
                                List.of("http://127.0.0.1:33418/"),
                                "test client",
                                List.of("authorization_code"),
                                "{}",
                                now));
        server.store()
                .saveTokens(
                        List.of(
                                new IssuedToken(
                                        Secrets.hash(token),
                                        IssuedToken.Kind.ACCESS,
                                        "client-1",
                                        "grant-1",
                                        "mcp",
                                        server.urls().resource(),
                                        server.instance().id(),
                                        now,
                                        now.plusSeconds(3600),
                                        null,
                                        null)));
        return token;
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
