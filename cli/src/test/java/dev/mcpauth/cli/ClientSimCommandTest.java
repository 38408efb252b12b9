package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import dev.mcpauth.store.StoreKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcpauth client-sim} as a script sees it. */
class ClientSimCommandTest {

    @TempDir Path cacheDir;
    @TempDir Path dataDir;

    static CliTest.Run run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliTest.run(args));
    }

    @Test
    void helpListsEveryProfileWithWhatItDoesOnA401() {
        CliTest.Run run = run("client-sim", "--help");

        assertEquals(0, run.exitCode());
        for (String p : List.of("vscode-1.105", "vscode", "ts-sdk-2", "python-sdk", "spec")) {
            assertTrue(run.out().contains(p), p);
        }
        assertTrue(run.out().contains("insufficient_scope"));
    }

    @Nested
    class Connect {

        @Test
        void anUnknownProfileIsAUsageErrorNamingTheProfiles() {
            CliTest.Run run = run("client-sim", "connect", "http://localhost:1/mcp", "-p", "emacs");

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertTrue(run.err().contains("python-sdk"), run.err());
        }

        @Test
        void anUnreachableServerExitsWithFiveAndOneLine() throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            CliTest.Run run =
                    run(
                            "client-sim",
                            "connect",
                            "http://127.0.0.1:" + port + "/mcp",
                            "--profile",
                            "vscode",
                            "--cache-dir",
                            cacheDir.toString());

            assertEquals(ExitCode.UNREACHABLE, run.exitCode());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("mcpauth: cannot reach"), run.err());
        }

        @Test
        void aUrlThatIsNotHttpIsAUsageError() {
            CliTest.Run run = run("client-sim", "connect", "ftp://x/mcp", "--profile", "spec");

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertTrue(run.err().contains("not an http(s) URL"), run.err());
        }

        @Test
        void twoRunsAroundARestartShowWhatTheUserSees() throws IOException {
            ServerConfig config =
                    ServerConfig.builder(dataDir).port(0).store(StoreKind.MEMORY).build();
            McpAuthServer server = McpAuthServer.start(config);
            try {
                String url = server.urls().resource();
                String[] args = {
                    "client-sim",
                    "connect",
                    url,
                    "--profile",
                    "vscode-1.105",
                    "--cache-dir",
                    cacheDir.toString()
                };
                CliTest.Run first = run(args);
                assertEquals(0, first.exitCode(), first.err());
                assertTrue(first.out().contains("a person had to act: yes"), first.out());

                Path file = cacheDir.resolve("client-sim-credentials.json");
                assertEquals(
                        "rw-------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                String token =
                        Json.mapper().readTree(file.toFile()).findValue("access_token").asText();
                assertFalse(first.out().contains(token), "the token must not be printed");

                CliTest.Run second = run(args);
                assertEquals(0, second.exitCode(), second.err());
                assertTrue(second.out().contains("a person had to act: no"), second.out());

                int port = server.port();
                server.close();
                server = McpAuthServer.start(config.toBuilder().port(port).build());
                CliTest.Run third = run(args);

                assertEquals(ExitCode.AUTHORIZATION_NEEDED, third.exitCode());
                assertTrue(
                        third.out()
                                .contains(
                                        "[error] Server exited before responding to `initialize`"
                                                + " request."),
                        third.out());
                assertEquals(1, third.err().strip().lines().count(), third.err());
                Json.mapper().readTree(file.toFile());
            } finally {
                server.close();
            }
        }

        @Test
        void forgetDropsTheProfilesCacheSoTheNextRunLogsInAgain() {
            try (McpAuthServer server =
                    McpAuthServer.start(ServerConfig.builder(dataDir).port(0).build())) {
                String url = server.urls().resource();
                run(
                        "client-sim",
                        "connect",
                        url,
                        "-p",
                        "ts-sdk",
                        "--cache-dir",
                        cacheDir.toString());

                CliTest.Run again =
                        run(
                                "client-sim",
                                "connect",
                                url,
                                "-p",
                                "ts-sdk",
                                "--forget",
                                "--cache-dir",
                                cacheDir.toString(),
                                "--format",
                                "json");

                assertEquals(0, again.exitCode(), again.err());
                List<String> lines = again.out().strip().lines().toList();
                JsonNode result = parse(lines.get(lines.size() - 1));
                assertEquals("result", result.path("type").asText());
                assertEquals(1, result.path("forgotten").asInt());
                assertTrue(result.path("person_acted").asBoolean());
                lines.forEach(ClientSimCommandTest::parse);
            }
        }
    }

    @Nested
    class Restart {

        @Test
        void vscode105OnTheMemoryStoreIsStuck() {
            CliTest.Run run = run("client-sim", "restart", "--profile", "vscode-1.105");

            assertEquals(ExitCode.CHECKS_FAILED, run.exitCode(), run.err());
            assertTrue(run.out().contains("\nSTUCK: "), run.out());
            assertTrue(run.out().contains("a person had to act: no"));
        }

        @Test
        void theSqliteStoreLetsTheSpecProfileRecoverAsJson() {
            CliTest.Run run =
                    run(
                            "client-sim",
                            "restart",
                            "-p",
                            "spec",
                            "--store",
                            "sqlite",
                            "--format",
                            "json");

            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().strip().lines().toList();
            JsonNode verdict = parse(lines.get(lines.size() - 1));
            assertEquals("RECOVERED", verdict.path("verdict").asText());
            assertFalse(verdict.path("person_acted").asBoolean());
        }
    }

    @Test
    void matrixAsJsonHasOneObjectPerSetup() {
        CliTest.Run run = run("client-sim", "matrix", "-p", "vscode", "--json");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(6, lines.size());
        assertEquals("NEEDS-LOGIN", parse(lines.get(0)).path("verdict").asText());
        assertEquals("RECOVERED", parse(lines.get(1)).path("verdict").asText());
    }

    static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
