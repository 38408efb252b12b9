package dev.mcpauth.cli;

import static dev.mcpauth.cli.DiscoverFixtures.GOOD_PRM;
import static dev.mcpauth.cli.DiscoverFixtures.discover;
import static dev.mcpauth.cli.DiscoverFixtures.goodServer;
import static dev.mcpauth.cli.DiscoverFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.cli.CaseServer.Reply;
import dev.mcpauth.cli.CliTest.Run;
import dev.mcpauth.cli.DiscoverFixtures.Report;
import dev.mcpauth.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcpauth discover} given bad input or a bad server: usage errors, unreachable servers,
 * broken metadata.
 */
class DiscoverBadInputTest {

    @Test
    void notAUrlIsAUsageError() {
        Run run = run("discover", "not a url");

        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aNonHttpUrlIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("discover", "ftp://example.com/mcp").exitCode());
    }

    @Test
    void aMissingCompareFileIsNamedBeforeAnyRequest(@TempDir Path dir) {
        Path missing = dir.resolve("before.json");
        Run run = run("discover", "http://127.0.0.1:1/mcp", "--compare", missing.toString());

        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(missing + " does not exist"), run.err());
    }

    @Test
    void aDirectoryGivenToSaveIsNamedBeforeAnyRequest(@TempDir Path dir) {
        Run run = run("discover", "http://127.0.0.1:1/mcp", "--save", dir.toString());

        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(dir + " is a directory"), run.err());
    }

    @Test
    void aRefusedConnectionIsUnreachable() {
        Run run = run("discover", "http://127.0.0.1:1/mcp", "--timeout", "2s");

        assertEquals(ExitCode.UNREACHABLE, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot reach"), run.err());
    }

    @Test
    void anUnreachableServerAsJsonIsStillAJsonDocumentOnStdout() {
        Run run = run("discover", "http://127.0.0.1:1/mcp", "--timeout", "2s", "--format", "json");

        assertEquals(ExitCode.UNREACHABLE, run.exitCode(), run.err());
        JsonNode json = read(run.out());
        assertEquals("http://127.0.0.1:1/mcp", json.get("url").asText(), run.out());
        assertFalse(json.get("reachable").asBoolean(), run.out());
        assertTrue(json.get("error").asText().startsWith("cannot reach "), run.out());
        assertEquals(ExitCode.UNREACHABLE, json.get("exit_code").asInt(), run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aServerThatNeverAnswersIsUnreachableWithinTheTimeout() {
        try (CaseServer s = new CaseServer()) {
            s.on("POST", "/mcp", Reply.status(401).after(Duration.ofSeconds(20)));

            Run run = run("discover", s.url("/mcp"), "--timeout", "1s");

            assertEquals(ExitCode.UNREACHABLE, run.exitCode(), run.err());
        }
    }

    @Test
    void aRedirectOfTheEndpointToAnotherHostIsAUsageError() {
        try (CaseServer s = new CaseServer()) {
            s.on("POST", "/mcp", Reply.status(307, "Location", "https://elsewhere.example/mcp"));

            Run run = run("discover", s.url("/mcp"));

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertTrue(run.err().contains("on another host"), run.err());
        }
    }

    @Test
    void anHtmlErrorPageAsMetadataIsAnErrorFinding() {
        try (CaseServer s = goodServer()) {
            s.on(
                    "GET",
                    "/.well-known/oauth-protected-resource/mcp",
                    new Reply(
                            200,
                            List.<String[]>of(new String[] {"Content-Type", "text/html"}),
                            "<html><body>Oops</body></html>",
                            null));

            Report r = discover(s.url("/mcp"));

            assertEquals(ExitCode.CHECKS_FAILED, r.run().exitCode());
            assertTrue(r.ids("error").contains("metadata-is-html"), r.run().out());
        }
    }

    @Test
    void metadataThatIsNotJsonIsAnErrorFinding() {
        try (CaseServer s = goodServer()) {
            s.on("GET", "/.well-known/oauth-authorization-server", Reply.json("issuer=x"));

            Report r = discover(s.url("/mcp"));

            assertTrue(r.ids("error").contains("metadata-not-json"), r.run().out());
        }
    }

    @Test
    void aHugeDocumentIsCutOffAndReported() {
        String huge = "{\"resource\":\"" + "x".repeat(400_000) + "\"}";
        try (CaseServer s = goodServer()) {
            s.on("GET", "/.well-known/oauth-protected-resource/mcp", Reply.json(huge));

            Report r = discover(s.url("/mcp"));

            assertTrue(r.ids("error").contains("metadata-too-large"), r.run().out());
        }
    }

    @Test
    void aMetadataRedirectToAnotherHostIsNotFollowed() {
        try (CaseServer s = goodServer()) {
            s.on(
                    "GET",
                    "/.well-known/oauth-protected-resource/mcp",
                    Reply.status(302, "Location", "https://evil.example/prm"));

            Report r = discover(s.url("/mcp"));

            assertTrue(r.ids("error").contains("metadata-redirect-other-host"), r.run().out());
        }
    }

    @Test
    void unknownMembersAreReportedNotDropped() {
        try (CaseServer s = goodServer()) {
            s.on(
                    "GET",
                    "/.well-known/oauth-protected-resource/mcp",
                    Reply.json(
                            GOOD_PRM.replace(
                                    "{\"resource\"",
                                    "{\"authorization_server\":1," + "\"resource\"")));

            Report r = discover(s.url("/mcp"));

            assertEquals(
                    "authorization_server", r.finding("unknown-members").get("evidence").asText());
        }
    }

    @Test
    void metadataBehindAuthenticationIsAnError() {
        try (CaseServer s = goodServer()) {
            s.on("GET", "/.well-known/oauth-authorization-server", Reply.status(401));

            Report r = discover(s.url("/mcp"));

            assertTrue(r.ids("error").contains("metadata-not-public"), r.run().out());
            assertEquals("fails at authorization-server", r.outcome("spec"));
        }
    }

    @Test
    void aFileThatIsNoSnapshotIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "[1,2]");
        try (CaseServer s = goodServer()) {
            Run run = run("discover", s.url("/mcp"), "--compare", file.toString());

            assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
            assertTrue(run.err().contains("not a discover snapshot"), run.err());
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
