package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.cli.CaseServer.Reply;
import dev.mcpauth.cli.CliTest.Run;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import dev.mcpauth.server.Workaround;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcpauth discover}, black-box: each field case's documents served from 127.0.0.1 with the
 * case's host replaced by the local server, the real command pointed at it, the case's verdict
 * asserted.
 */
class DiscoverCommandTest {

    static final String CHALLENGE =
            "Bearer resource_metadata=\"{origin}/.well-known/oauth-protected-resource/mcp\","
                    + " scope=\"mcp\"";
    static final String GOOD_PRM =
            "{\"resource\":\"{origin}/mcp\",\"authorization_servers\":[\"{origin}\"]}";
    static final String GOOD_AS =
            """
            {"issuer":"{origin}","authorization_endpoint":"{origin}/authorize",
             "token_endpoint":"{origin}/token","registration_endpoint":"{origin}/register",
             "response_types_supported":["code"],
             "token_endpoint_auth_methods_supported":["none","client_secret_post",
               "client_secret_basic"],
             "code_challenge_methods_supported":["S256"]}
            """;

    /** A discover run and its JSON report. */
    record Report(Run run, JsonNode json) {

        List<String> ids(String severity) {
            List<String> out = new ArrayList<>();
            for (JsonNode f : json.get("findings")) {
                if (f.get("severity").asText().equals(severity)) {
                    out.add(f.get("id").asText());
                }
            }
            return out;
        }

        JsonNode finding(String id) {
            for (JsonNode f : json.get("findings")) {
                if (f.get("id").asText().equals(id)) {
                    return f;
                }
            }
            throw new AssertionError("no finding " + id + " in " + run.out());
        }

        String outcome(String profile) {
            for (JsonNode v : json.get("clients")) {
                if (v.get("profile").asText().equals(profile)) {
                    return v.get("outcome").asText()
                            + (v.has("step") ? " at " + v.get("step").asText() : "");
                }
            }
            throw new AssertionError("no verdict for " + profile);
        }

        List<String> urls(String step) {
            return StreamSupport.stream(json.get("probes").spliterator(), false)
                    .filter(p -> p.get("step").asText().equals(step))
                    .map(p -> p.get("url").asText())
                    .toList();
        }
    }

    static Run run(String... args) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> CliTest.run(args));
    }

    static Report discover(String url, String... more) {
        List<String> args = new ArrayList<>(List.of("discover", url, "--json"));
        args.addAll(List.of(more));
        Run run = run(args.toArray(String[]::new));
        try {
            return new Report(run, Json.mapper().readTree(run.out()));
        } catch (Exception e) {
            throw new AssertionError("not JSON (exit " + run.exitCode() + "): " + run.err(), e);
        }
    }

    /** A server with a good challenge, resource metadata and authorization server metadata. */
    static CaseServer goodServer() {
        return new CaseServer()
                .on("POST", "/mcp", Reply.status(401, "WWW-Authenticate", CHALLENGE))
                .on("GET", "/.well-known/oauth-protected-resource/mcp", Reply.json(GOOD_PRM))
                .on("GET", "/.well-known/oauth-authorization-server", Reply.json(GOOD_AS));
    }

    @Nested
    class AgainstMcpauthServer {

        @Test
        void reportsNoErrorAndEveryClientConnects(@TempDir Path dir) {
            try (McpAuthServer server =
                    McpAuthServer.start(ServerConfig.builder(dir).port(0).build())) {
                Report r = discover(server.urls().resource());

                assertEquals(ExitCode.OK, r.run().exitCode(), r.run().out());
                assertEquals(List.of(), r.ids("error"));
                for (JsonNode v : r.json().get("clients")) {
                    assertEquals("connects", v.get("outcome").asText(), v.toString());
                }
            }
        }

        @Test
        void corsIsCleanForAnAllowedOriginAndAnErrorForAnotherOne(@TempDir Path dir) {
            String app = "http://app.example";
            try (McpAuthServer server =
                    McpAuthServer.start(
                            ServerConfig.builder(dir)
                                    .port(0)
                                    .allowedOrigins(List.of(app))
                                    .build())) {
                Report allowed = discover(server.urls().resource(), "--origin", app);
                Report other =
                        discover(server.urls().resource(), "--origin", "http://evil.example");

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
            try (McpAuthServer second =
                    McpAuthServer.start(config.toBuilder().port(port).build())) {
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
            try (McpAuthServer second =
                    McpAuthServer.start(config.toBuilder().port(port).build())) {
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

                Run text =
                        run("discover", second.urls().resource(), "--compare", snapshot.toString());
                assertTrue(text.out().contains("changes since the snapshot"), text.out());
                assertTrue(text.out().contains("breaks: "), text.out());
            }
        }
    }

    @Nested
    class BadInput {

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
        void aRefusedConnectionIsUnreachable() {
            Run run = run("discover", "http://127.0.0.1:1/mcp", "--timeout", "2s");

            assertEquals(ExitCode.UNREACHABLE, run.exitCode(), run.err());
            assertTrue(run.err().contains("cannot reach"), run.err());
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
                s.on(
                        "POST",
                        "/mcp",
                        Reply.status(307, "Location", "https://elsewhere.example/mcp"));

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
                        "authorization_server",
                        r.finding("unknown-members").get("evidence").asText());
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
    }

    @Nested
    class Output {

        @Test
        void textIsGroupedByStepWithoutColourWhenNotATerminal() {
            try (CaseServer s = goodServer()) {
                Run run = run("discover", s.url("/mcp"));

                assertEquals(0, run.exitCode(), run.out());
                assertTrue(run.out().contains("1. unauthenticated initialize"), run.out());
                assertTrue(run.out().contains("2. protected resource metadata"), run.out());
                assertTrue(run.out().contains("WWW-Authenticate: Bearer"), run.out());
                assertFalse(run.out().contains("\u001b["), run.out());
            }
        }

        @Test
        void jsonRecordsEveryRequestWithStatusContentTypeAndTime() {
            try (CaseServer s = goodServer()) {
                Report r = discover(s.url("/mcp"));

                JsonNode first = r.json().get("probes").get(0);
                assertEquals("challenge", first.get("step").asText());
                assertEquals("POST", first.get("method").asText());
                assertEquals(401, first.get("status").asInt());
                assertTrue(first.has("millis"), first.toString());
                JsonNode prm = r.json().get("probes").get(1);
                assertEquals("application/json", prm.get("content_type").asText());
                assertEquals(
                        s.origin(),
                        r.json()
                                .get("resource_metadata")
                                .get("authorization_servers")
                                .get(0)
                                .asText());
            }
        }

        @Test
        void corsChecksReportAnUnexposedChallenge() {
            try (CaseServer s = goodServer()) {
                s.on(
                        "POST",
                        "/mcp",
                        Reply.status(
                                401,
                                "WWW-Authenticate",
                                CHALLENGE,
                                "Access-Control-Allow-Origin",
                                "*"));

                Report r = discover(s.url("/mcp"), "--origin", "http://app.example");

                assertTrue(r.ids("error").contains("cors-expose-www-authenticate"), r.run().out());
                assertTrue(r.ids("error").contains("cors-preflight"), r.run().out());
            }
        }
    }
}
