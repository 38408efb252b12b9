package dev.mcpauth.cli;

import static dev.mcpauth.cli.TokenFixtures.CASE_06;
import static dev.mcpauth.cli.TokenFixtures.CASE_06_TOKEN;
import static dev.mcpauth.cli.TokenFixtures.memoryServer;
import static dev.mcpauth.cli.TokenFixtures.read;
import static dev.mcpauth.cli.TokenFixtures.resource;
import static dev.mcpauth.cli.TokenFixtures.run;
import static dev.mcpauth.cli.TokenFixtures.sign;
import static dev.mcpauth.cli.TokenFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.mcpauth.cli.CaseServer.Reply;
import dev.mcpauth.cli.CliTest.Run;
import dev.mcpauth.server.McpAuthServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcpauth token decode} and {@code token verify} of JWTs. */
class TokenJwtTest {

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

            assertEquals(ExitCode.AUTHORIZATION_NEEDED, run.exitCode(), run.err());
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

    @Test
    void verifyWithAKeySetThatIsNotAnHttpUrlIsAUsageError() throws Exception {
        String jwt = sign(new RSAKeyGenerator(2048).keyID("k1").generate());

        Run relative = run("token", "verify", jwt, "--jwks", "keys.json");
        Run file = run("token", "verify", jwt, "--server", "ftp://example.com/mcp");

        assertEquals(ExitCode.USAGE, relative.exitCode(), relative.err());
        assertTrue(relative.err().contains("'keys.json' is not a URL"), relative.err());
        assertFalse(relative.err().contains("unexpected"), relative.err());
        assertEquals(ExitCode.USAGE, file.exitCode(), file.err());
        assertTrue(file.err().contains("--server takes an http or https URL"), file.err());
    }

    @Test
    void anUnsignedJwtIsDecodedAndFailsVerificationWithoutFetchingKeys() throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwt =
                b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                        + "."
                        + b64.encodeToString("{\"sub\":\"u1\"}".getBytes(StandardCharsets.UTF_8))
                        + ".";
        // The server has no key set: fetching one would be a 404 and a usage error (exit 2).
        try (CaseServer keys = new CaseServer()) {
            Run decode = run("token", "decode", jwt);
            Run verify = run("token", "verify", jwt, "--jwks", keys.url("/keys"));

            assertEquals(0, decode.exitCode(), decode.err());
            assertTrue(decode.out().contains("unsigned (alg none"), decode.out());
            assertEquals(ExitCode.CHECKS_FAILED, verify.exitCode(), verify.err() + verify.out());
            assertTrue(verify.out().contains("verified:     NO: unsigned"), verify.out());
        }
    }

    @Test
    void verifyWithUnreachableKeysPrintsTheUnreachableDocumentInJson() throws Exception {
        String jwt = sign(new RSAKeyGenerator(2048).keyID("k1").generate());

        Run run = run("token", "verify", jwt, "--json", "--jwks", "http://127.0.0.1:1/jwks");

        assertEquals(ExitCode.UNREACHABLE, run.exitCode(), run.err());
        JsonNode doc = read(run.out());
        assertFalse(doc.get("reachable").asBoolean(), run.out());
        assertEquals("http://127.0.0.1:1/jwks", doc.get("url").asText());
    }

    @Test
    void aCommandInterruptedWhileWaitingForAServerSaysInterruptedNotUnreachable() throws Exception {
        String jwt = sign(new RSAKeyGenerator(2048).keyID("k1").generate());
        try (CaseServer slow = new CaseServer()) {
            slow.on("GET", "/jwks", Reply.json("{\"keys\": []}").after(Duration.ofSeconds(20)));
            AtomicReference<Run> result = new AtomicReference<>();
            Thread command =
                    new Thread(
                            () ->
                                    result.set(
                                            CliTest.run(
                                                    "token",
                                                    "verify",
                                                    jwt,
                                                    "--json",
                                                    "--jwks",
                                                    slow.url("/jwks"))));
            command.start();
            Thread.sleep(500);
            command.interrupt();
            command.join(10_000);

            Run run = result.get();
            assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
            assertTrue(run.err().contains("mcpauth: interrupted"), run.err());
            assertFalse(run.err().contains("cannot reach"), run.err());
            assertEquals("", run.out(), "a cancelled command prints no document");
        }
    }
}
