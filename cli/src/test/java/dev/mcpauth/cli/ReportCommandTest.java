package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.Json;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcpauth report} as a script sees it: outputs, formats and exit codes. */
class ReportCommandTest {

    @TempDir Path dir;

    static final String CASE_10 =
            "2025-08-01 10:51:20.884 [info] Connection state: Error Error sending message to"
                + " https://api.mcp.example.com/mcp/: Error: Protected Resource Metadata resource"
                + " \"https://api.mcp.example.com/mcp\" does not match MCP server resolved resource"
                + " \"https://api.mcp.example.com/mcp/\". Reported by jane@example.com from"
                + " /home/jane/project\n";

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Nested
    class Output {

        @Test
        void theDraftGoesToStdoutAndTheSummaryToStderr() throws IOException {
            CliTest.Run run = CliTest.run("report", file("vscode.log", CASE_10).toString());

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().startsWith("# Protected resource metadata"), run.out());
            assertTrue(run.out().contains("## Steps to reproduce"));
            assertTrue(run.out().contains("## Workarounds"));
            assertTrue(run.err().startsWith("report: resource-metadata-mismatch"), run.err());
        }

        @Test
        void jsonGivesTheDiagnosisAlone() throws IOException {
            CliTest.Run run =
                    CliTest.run("report", "--format", "json", file("v.log", CASE_10).toString());

            JsonNode doc = Json.mapper().readTree(run.out());
            assertTrue(doc.get("known_pattern").asBoolean());
            assertEquals("resource-metadata-mismatch", doc.at("/diagnoses/0/id").asText());
            assertEquals("SERVER", doc.at("/diagnoses/0/fault").asText());
        }

        @Test
        void writesTheDraftToAFile() throws IOException {
            Path out = dir.resolve("draft.md");
            CliTest.Run run =
                    CliTest.run("report", file("v.log", CASE_10).toString(), "-o", out.toString());

            assertEquals("", run.out());
            assertTrue(Files.readString(out).contains("trailing '/'"));
        }

        @Test
        void namesAMissingOutputDirectory() throws IOException {
            Path out = dir.resolve("no-such-dir").resolve("draft.md");
            CliTest.Run run =
                    CliTest.run("report", file("v.log", CASE_10).toString(), "-o", out.toString());

            assertEquals(ExitCode.FAILURE, run.exitCode());
            assertTrue(
                    run.err().contains("the directory " + out.getParent() + " does not exist"),
                    run.err());
        }

        @Test
        void redactsEmailsAndUserNamesAndHostsWhenAsked() throws IOException {
            CliTest.Run run =
                    CliTest.run("report", "--redact-hosts", file("v.log", CASE_10).toString());

            assertFalse(run.out().contains("jane"), run.out());
            assertFalse(run.out().contains("api.mcp.example.com"), run.out());
            assertTrue(run.out().contains("https://host-1.example/mcp/"), run.out());
        }

        @Test
        void readsStandardInputForADash() {
            InputStream saved = System.in;
            try {
                System.setIn(new ByteArrayInputStream(CASE_10.getBytes(StandardCharsets.UTF_8)));
                CliTest.Run run = CliTest.run("report", "--json", "-");
                assertEquals(0, run.exitCode(), run.err());
                assertTrue(run.out().contains("resource-metadata-mismatch"));
            } finally {
                System.setIn(saved);
            }
        }

        @Test
        void noKnownPatternShowsTheTimeline() throws IOException {
            CliTest.Run run =
                    CliTest.run(
                            "report",
                            file("ok.log", "[info] Connection state: Running\n").toString());

            assertEquals(0, run.exitCode());
            assertTrue(run.out().startsWith("# No known pattern"));
            assertTrue(run.out().contains("Connection state: Running"));
        }
    }

    @Nested
    class FieldCaseDrafts {

        Path copy(String name) throws IOException {
            try (InputStream in = ReportCommandTest.class.getResourceAsStream("/cases/" + name)) {
                return Files.write(dir.resolve(name), in.readAllBytes());
            }
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.CsvSource({
            "01-vscode-restart-same-scope-no-reauth.txt, stale-token-after-restart, instA.tok-0001",
            "06-missing-resource-aud-is-client-id.json, no-resource-parameter,"
                    + " eyJhbGciOiJSUzI1NiIs",
            "10-prm-resource-trailing-slash.log, resource-metadata-mismatch, api.mcp.example.com",
            "16-missing-www-authenticate.txt, 401-without-challenge, auth.example.com"
        })
        void draftNamesTheVerdictAndHoldsNoSecretOfTheInput(String name, String id, String secret)
                throws IOException {
            Path input = copy(name);
            assertTrue(Files.readString(input).contains(secret), "the input holds it");

            CliTest.Run draft = CliTest.run("report", "--redact-hosts", input.toString());
            CliTest.Run json = CliTest.run("report", "--json", "--redact-hosts", input.toString());

            assertEquals(0, draft.exitCode(), draft.err());
            assertTrue(draft.err().contains(id), draft.err());
            assertFalse(draft.out().contains(secret), draft.out());
            assertFalse(json.out().contains(secret), json.out());
        }
    }

    @Nested
    class BadInput {

        @Test
        void anEmptyFileIsUnreadableInput() throws IOException {
            Path empty = file("empty.log", "");
            CliTest.Run run = CliTest.run("report", empty.toString());

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertEquals(
                    "mcpauth: " + empty + " is empty; pass the log you captured",
                    run.err().strip());
        }

        @Test
        void anEmptyFileNextToALogIsSkippedAndSaidSo() throws IOException {
            Path empty = file("server.log", "");
            CliTest.Run run =
                    CliTest.run(
                            "report",
                            "--json",
                            file("v.log", CASE_10).toString(),
                            empty.toString());

            assertEquals(ExitCode.OK, run.exitCode(), run.err());
            assertTrue(
                    run.err().contains("mcpauth: skipped " + empty + ": it is empty"), run.err());
            assertTrue(run.out().contains("\"empty, skipped\""), run.out());
        }

        @Test
        void devNullIsNamedAsGiven() {
            CliTest.Run run = CliTest.run("report", "/dev/null");

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertEquals(
                    "mcpauth: /dev/null is empty; pass the log you captured", run.err().strip());
        }

        @Test
        void aBinaryFileIsUnreadableInput() throws IOException {
            Path bin =
                    Files.write(
                            dir.resolve("a.bin"),
                            new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
            CliTest.Run run = CliTest.run("report", bin.toString());

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("binary"));
        }

        @Test
        void anotherProgramsLogIsUnreadableInput() throws IOException {
            CliTest.Run run =
                    CliTest.run(
                            "report",
                            file("syslog", "Dec  3 10:00:00 host sshd[1]: Accepted key\n")
                                    .toString());

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertTrue(run.err().contains("is not a log the report knows"), run.err());
        }

        @Test
        void aMissingFileIsUnreadableInput() {
            CliTest.Run run = CliTest.run("report", dir.resolve("gone.log").toString());

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertTrue(run.err().contains("no such file"), run.err());
        }

        @Test
        void noFileIsAUsageError() {
            assertEquals(ExitCode.USAGE, CliTest.run("report").exitCode());
        }

        @Test
        void aLogCutMidLineIsStillRead() throws IOException {
            String cut = CASE_10 + "2025-08-01 10:51:21.000 [trace] Fetched https://api.mcp.ex";
            CliTest.Run run = CliTest.run("report", "--json", file("cut.log", cut).toString());

            assertEquals(0, run.exitCode(), run.err());
        }
    }

    @Nested
    class LargeInput {

        @Test
        void readsASeveralMegabyteServerLogAsAStream() throws IOException {
            Path big = serverLog(dir.resolve("big.log"), 8L * 1024 * 1024);

            CliTest.Run run =
                    assertTimeoutPreemptively(
                            Duration.ofSeconds(60),
                            () -> CliTest.run("report", "--json", big.toString()));

            assertEquals(0, run.exitCode(), run.err());
            JsonNode doc = Json.mapper().readTree(run.out());
            assertEquals("refreshed-token-rejected", doc.at("/diagnoses/0/id").asText());
            assertTrue(doc.at("/diagnoses/0/evidence").size() <= 12);
        }

        /**
         * 100 MB in a JVM with a 64 MB heap: if the report held the log, it would run out of
         * memory.
         */
        @Test
        @Tag("benchmark")
        void readsA100MegabyteLogInA64MegabyteHeap() throws Exception {
            Path big = serverLog(dir.resolve("huge.log"), 100L * 1024 * 1024);
            Process p =
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-Xmx64m",
                                    "-cp",
                                    System.getProperty("java.class.path"),
                                    Main.class.getName(),
                                    "report",
                                    "--json",
                                    big.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve("out.txt").toFile())
                            .start();
            long start = System.nanoTime();
            assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "finished");
            long millis = (System.nanoTime() - start) / 1_000_000;
            String out = Files.readString(dir.resolve("out.txt"));
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("refreshed-token-rejected"), out);
            System.out.println("report over 100 MB: " + millis + " ms with -Xmx64m");
        }
    }

    /** A server log of the given size: refreshes whose tokens are then rejected, over and over. */
    static Path serverLog(Path path, long bytes) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(path)) {
            w.write(
                    "2026-12-03T10:00:00.000Z INFO  mcpauth.server mcpauth server ready at"
                            + " http://localhost:3000/mcp in 900 ms (instance 1796300000000, store"
                            + " sqlite: 0 clients, 0 active tokens)\n");
            long written = 0;
            for (long i = 0; written < bytes; i++) {
                String fp = String.format("fp:%012x", i);
                String lines =
                        "2026-12-03T10:00:01.000Z INFO  mcpauth.authz authz endpoint=token"
                                + " client=c1 outcome=allow reason=refresh_token token="
                                + fp
                                + "\n2026-12-03T10:00:02.000Z WARNING mcpauth.authz authz"
                                + " endpoint=mcp outcome=deny reason=invalid_token token="
                                + fp
                                + " detail=\"the access token is not known to this server\"\n";
                w.write(lines);
                written += lines.length();
            }
        }
        return path;
    }
}
