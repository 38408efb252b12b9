package dev.mcpauth.cli;

import static dev.mcpauth.cli.TokenFixtures.memoryServer;
import static dev.mcpauth.cli.TokenFixtures.read;
import static dev.mcpauth.cli.TokenFixtures.resource;
import static dev.mcpauth.cli.TokenFixtures.run;
import static dev.mcpauth.cli.TokenFixtures.storeToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.cli.CliTest.Run;
import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import dev.mcpauth.server.Workaround;
import dev.mcpauth.token.Secrets;
import dev.mcpauth.token.TokenFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcpauth token decode} of instance-prefixed tokens, alone and asked of a server. */
class TokenInstanceTest {

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
        try (McpAuthServer restarted = memoryServer(dir, Set.of(Workaround.INVALID_TOKEN_DETAIL))) {
            Run run = run("token", "decode", token, "--server", resource(restarted));

            assertEquals(ExitCode.AUTHORIZATION_NEEDED, run.exitCode(), run.err());
            assertTrue(
                    run.out()
                            .contains(
                                    "the token is NOT accepted by "
                                            + resource(restarted)
                                            + ": 401 invalid_token"),
                    run.out());
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
        try (McpAuthServer restarted = McpAuthServer.start(config.toBuilder().port(port).build())) {
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
    void aTokenTheServerDoesNotKnowIsNotAcceptedAndExitsWith4(@TempDir Path dir) {
        try (McpAuthServer server = memoryServer(dir, Set.of())) {
            String madeUp = TokenFormat.INSTANCE.mint(server.instance().id() - 1);

            Run run = run("token", "decode", madeUp, "--server", resource(server));

            assertEquals(ExitCode.AUTHORIZATION_NEEDED, run.exitCode(), run.err());
            assertTrue(run.out().contains("-> 401 (token NOT accepted)"), run.out());
            assertTrue(
                    run.out()
                            .contains(
                                    "the token is NOT accepted by "
                                            + resource(server)
                                            + ": 401 invalid_token ("),
                    run.out());
            assertTrue(run.out().contains("did not say which instance is running"), run.out());
            assertFalse(run.out().contains("pass --server URL"), run.out());
        }
    }

    @Test
    void asJsonTheServersAnswerSaysWhetherItRefusedTheToken(@TempDir Path dir) {
        try (McpAuthServer server = memoryServer(dir, Set.of())) {
            String good = storeToken(server);
            String madeUp = TokenFormat.INSTANCE.mint(server.instance().id());

            Run accepted = run("token", "decode", good, "--server", resource(server), "--json");
            Run refused = run("token", "decode", madeUp, "--server", resource(server), "--json");

            assertEquals(ExitCode.OK, accepted.exitCode(), accepted.err());
            JsonNode yes = read(accepted.out()).get("server");
            assertTrue(yes.get("accepted").asBoolean(), accepted.out());
            assertFalse(yes.get("refused").asBoolean(), accepted.out());
            assertEquals(ExitCode.AUTHORIZATION_NEEDED, refused.exitCode(), refused.err());
            JsonNode no = read(refused.out()).get("server");
            assertFalse(no.get("accepted").asBoolean(), refused.out());
            assertTrue(no.get("refused").asBoolean(), refused.out());
            assertEquals(401, no.get("status").asInt(), refused.out());
            assertEquals("invalid_token", no.get("error").asText(), refused.out());
            assertTrue(no.has("error_description"), refused.out());
        }
    }

    @Test
    void aUrlThatIsNotTheServersMcpEndpointExitsWith1(@TempDir Path dir) {
        try (McpAuthServer server = memoryServer(dir, Set.of())) {
            String token = storeToken(server);
            String wrong = server.urls().origin() + "/not-mcp";

            Run run = run("token", "decode", token, "--server", wrong);

            assertEquals(ExitCode.FAILURE, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("without judging the token"), run.out());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"not-a-url", "ftp://host/mcp"})
    void aServerThatIsNotAnHttpUrlIsAUsageError(String server) {
        Run run = run("token", "decode", "instA.tok-0001", "--server", server);

        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(server), run.err());
        assertFalse(run.err().contains("unexpected"), run.err());
    }

    @Test
    void anUnreachableServerAsJsonIsStillAJsonDocumentOnStdout() {
        Run run =
                run(
                        "token",
                        "decode",
                        "instA.tok-0001",
                        "--server",
                        "http://127.0.0.1:1/mcp",
                        "--timeout",
                        "2s",
                        "--json");

        assertEquals(ExitCode.UNREACHABLE, run.exitCode(), run.err());
        assertFalse(read(run.out()).get("reachable").asBoolean(), run.out());
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
