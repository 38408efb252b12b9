package dev.mcpauth.cli;

import static dev.mcpauth.cli.DiscoverFixtures.discover;
import static dev.mcpauth.cli.DiscoverFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.cli.CliTest.Run;
import dev.mcpauth.cli.DiscoverFixtures.Report;
import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import dev.mcpauth.server.Workaround;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcpauth discover} against a real mcpauth server: clean, CORS, and snapshots compared
 * across a restart.
 */
class DiscoverAgainstMcpauthTest {

    @Test
    void reportsNoErrorAndEveryClientConnects(@TempDir Path dir) {
        try (McpAuthServer server =
                McpAuthServer.start(ServerConfig.builder(dir).port(0).build())) {
            Report r = discover(server.urls().resource());

            assertEquals(ExitCode.OK, r.run().exitCode(), r.run().out());
            assertEquals(List.of(), r.ids("error"));
            for (JsonNode v : r.json().get("clients")) {
                assertEquals("connects", v.get("outcome").asText(), v.toString());
                assertFalse(
                        v.toString().contains("token_endpoint_auth_method auto"),
                        "a client that picks from the server's list has no method to complain"
                                + " about: "
                                + v);
            }
        }
    }

    @Test
    void corsIsCleanForAnAllowedOriginAndAnErrorForAnotherOne(@TempDir Path dir) {
        String app = "http://app.example";
        try (McpAuthServer server =
                McpAuthServer.start(
                        ServerConfig.builder(dir).port(0).allowedOrigins(List.of(app)).build())) {
            Report allowed = discover(server.urls().resource(), "--origin", app);
            Report other = discover(server.urls().resource(), "--origin", "http://evil.example");

            assertEquals(ExitCode.OK, allowed.run().exitCode(), allowed.run().out());
            assertEquals(4, allowed.urls("cors").size() - 1, allowed.run().out());
            assertEquals(List.of("cors-origin-refused"), other.ids("error"));
        }
    }

    @Test
    void compareAcrossARestartWithDynamicScopeReportsTheChallengeScope(@TempDir Path dir) {
        Path snapshot = dir.resolve("before.json");
        ServerConfig config =
                ServerConfig.builder(dir)
                        .port(0)
                        .workarounds(Set.of(Workaround.DYNAMIC_SCOPE))
                        .build();
        int port;
        try (McpAuthServer first = McpAuthServer.start(config)) {
            port = first.port();
            run("discover", first.urls().resource(), "--save", snapshot.toString());
        }
        try (McpAuthServer second = McpAuthServer.start(config.toBuilder().port(port).build())) {
            Report r = discover(second.urls().resource(), "--compare", snapshot.toString());

            JsonNode change = r.json().get("changes").get(0);
            assertEquals("challenge.scope", change.get("field").asText(), r.run().out());
            assertTrue(change.get("effect").asText().contains("VS Code 1.101-1.105"));
            assertEquals(ExitCode.OK, r.run().exitCode(), r.run().out());
        }
    }

    @Test
    void compareAcrossARestartWithIssuerRotationNamesTheBrokenClients(@TempDir Path dir) {
        Path snapshot = dir.resolve("before.json");
        ServerConfig config =
                ServerConfig.builder(dir)
                        .port(0)
                        .workarounds(Set.of(Workaround.ISSUER_ROTATION))
                        .build();
        int port;
        try (McpAuthServer first = McpAuthServer.start(config)) {
            port = first.port();
            run("discover", first.urls().resource(), "--save", snapshot.toString());
        }
        assertTrue(Files.exists(snapshot));
        try (McpAuthServer second = McpAuthServer.start(config.toBuilder().port(port).build())) {
            Report r = discover(second.urls().resource(), "--compare", snapshot.toString());

            JsonNode issuer = null;
            for (JsonNode c : r.json().get("changes")) {
                if (c.get("field").asText().equals("issuer")) {
                    issuer = c;
                }
            }
            assertTrue(issuer != null, r.run().out());
            assertTrue(issuer.get("before").asText().contains("/instance-"));
            assertFalse(issuer.get("before").asText().equals(issuer.get("after").asText()));
            List<String> breaks =
                    StreamSupport.stream(issuer.get("breaks").spliterator(), false)
                            .map(JsonNode::asText)
                            .toList();
            assertTrue(breaks.containsAll(List.of("ts-sdk-2", "spec")), breaks.toString());
            assertFalse(breaks.contains("vscode-1.105"), breaks.toString());

            Run text = run("discover", second.urls().resource(), "--compare", snapshot.toString());
            assertTrue(text.out().contains("changes since the snapshot"), text.out());
            assertTrue(text.out().contains("breaks: "), text.out());
        }
    }
}
