package dev.mcpauth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading inputs: format detection, each format's lines, and input that cannot be read. */
class LogInputTest {

    static final String FETCHING =
            "[trace] Fetching http://localhost:3000/mcp with options:"
                    + " {\"method\":\"POST\",\"headers\":{\"Authorization\":\"***\","
                    + "\"user-agent\":\"Visual Studio Code/1.105.1\"}}\n";
    static final String FETCHED =
            "[trace] Fetched http://localhost:3000/mcp: {\"status\":401,\"headers\":"
                    + "{\"www-authenticate\":\"Bearer resource_metadata=\\\"http://localhost:3000/"
                    + ".well-known/oauth-protected-resource/mcp\\\", scope=\\\"mcp\\\"\"}}\n";

    @Nested
    class Detection {

        @Test
        void tellsEachFormatFromItsFirstLines() {
            assertEquals(LogFormat.VSCODE, Logs.input("a", FETCHING).format());
            assertEquals(LogFormat.MCPAUTH_SERVER, Logs.input("b", Logs.READY_A).format());
            assertEquals(
                    LogFormat.CLIENT_SIM_JSON,
                    Logs.input("c", "{\"time\":\"2026-12-03T10:00:00Z\",\"phase\":\"connect\"}")
                            .format());
            assertEquals(
                    LogFormat.EXCHANGES,
                    Logs.input("d", "1  POST /mcp | (no Authorization) -> 401 |").format());
            assertEquals(
                    LogFormat.CAPTURED_DOCUMENTS,
                    Logs.input("e", "{\"mcp_url\":\"http://h/mcp\"}").format());
        }
    }

    @Nested
    class VsCode {

        @Test
        void joinsFetchingAndFetchedIntoOneExchange() {
            List<Event> events = Logs.events("vscode.log", FETCHING + FETCHED);

            assertEquals(1, events.size());
            Event e = events.get(0);
            assertEquals(401, e.status());
            assertTrue(e.authorizationSent());
            assertEquals("mcp", e.field("scope"));
            assertEquals("1.105.1", e.field("client_version"));
            assertEquals("VS Code", e.field("client"));
            assertEquals(1, e.line());
        }

        @Test
        void readsLinesWithAndWithoutTimestamps() {
            List<Event> events =
                    Logs.events(
                            "vscode.log",
                            "2025-10-08 10:51:20.882 [info] Connection state: Running\n"
                                    + "[error] Server exited before responding to `initialize`"
                                    + " request.\n");

            assertEquals(2, events.size());
            assertEquals("2025-10-08T10:51:20.882Z", events.get(0).at().toString());
            assertEquals(events.get(0).at(), events.get(1).at(), "inherits the last time");
        }

        @Test
        void keepsTheStatusOfAFetchedLineCutShort() {
            List<Event> events =
                    Logs.events(
                            "vscode.log",
                            FETCHING
                                    + "[trace] Fetched http://localhost:3000/mcp:"
                                    + " {\"status\":401,\"hea");

            assertEquals(401, events.get(0).status());
        }

        @Test
        void aRequestWithoutResponseIsStillAnExchange() {
            List<Event> events = Logs.events("vscode.log", "[info] Starting server x\n" + FETCHING);

            assertEquals(Event.Kind.EXCHANGE, events.get(1).kind());
            assertNull(events.get(1).field("status"));
        }
    }

    @Nested
    class ServerLog {

        @Test
        void readsDecisionsInLogfmtAndTheReadyLine() {
            List<Event> events =
                    Logs.events(
                            "server.log",
                            Logs.READY_A
                                    + Logs.authz(
                                            "10:00:01.000",
                                            "WARNING",
                                            "endpoint=mcp outcome=deny reason=invalid_token"
                                                    + " token=fp:0123456789ab detail=\"the access"
                                                    + " token is \\\"not\\\" known\""));

            assertEquals(Event.Kind.SERVER_START, events.get(0).kind());
            assertEquals("1796300000000", events.get(0).field("instance"));
            assertEquals("memory (forgotten on restart)", events.get(0).field("store"));
            Event d = events.get(1);
            assertEquals("fp:0123456789ab", d.field("token"));
            assertEquals("the access token is \"not\" known", d.field("detail"));
        }
    }

    @Nested
    class BadInput {

        @TempDir Path dir;

        @Test
        void anEmptyFileIsRefusedWithAMessage() throws Exception {
            Path empty = Files.createFile(dir.resolve("empty.log"));
            var e =
                    assertThrows(
                            ReportInputException.class,
                            () -> LogInput.open(empty.toString(), null));
            assertEquals(empty + " is empty; pass the log you captured", e.getMessage());
        }

        @Test
        void aDeviceIsNamedAsGivenNotByItsLastSegment() {
            var e =
                    assertThrows(
                            ReportInputException.class, () -> LogInput.open("/dev/null", null));
            assertEquals("/dev/null is empty; pass the log you captured", e.getMessage());
        }

        @Test
        void aBinaryFileIsRefused() throws Exception {
            Path png =
                    Files.write(
                            dir.resolve("x.png"),
                            new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
            var e =
                    assertThrows(
                            ReportInputException.class, () -> LogInput.open(png.toString(), null));
            assertTrue(e.getMessage().contains("binary"), e.getMessage());
        }

        @Test
        void anotherProgramsLogIsRefused() {
            var e =
                    assertThrows(
                            ReportInputException.class,
                            () ->
                                    Logs.input(
                                            "nginx.log",
                                            "127.0.0.1 - - [03/Dec/2026:10:00:00 +0000] \"GET /"
                                                    + " HTTP/1.1\" 200 612\n"));
            assertTrue(e.getMessage().startsWith("nginx.log is not a log the report knows"));
        }

        @Test
        void aReadmeQuotingAClientConfigurationIsRefused() {
            String readme =
                    "# My MCP server\n\nAdd it to VS Code:\n\n```json\n"
                            + "{\"servers\": {\"demo\": {\"type\": \"http\", \"url\":"
                            + " \"http://localhost:3000/mcp\"}}}\n```\n";
            var e = assertThrows(ReportInputException.class, () -> Logs.input("README.md", readme));
            assertTrue(e.getMessage().startsWith("README.md is not a log the report knows"));
        }

        @Test
        void aMissingFileIsNamed() {
            var e =
                    assertThrows(
                            ReportInputException.class,
                            () -> LogInput.open(dir.resolve("nope.log").toString(), null));
            assertTrue(e.getMessage().startsWith("no such file: "));
        }

        @Test
        void anOverlongLineIsCutAndCounted() {
            String huge = "[info] " + "x".repeat(BoundedLineReader.MAX_LINE + 10) + "\n";
            try (LogInput in = Logs.input("long.log", "[info] first\n" + huge + "[info] last\n")) {
                List<Event> events = new java.util.ArrayList<>();
                in.forEachRemaining(events::add);
                assertEquals(3, events.size());
                assertEquals(1, in.linesCut());
                assertEquals("last", events.get(2).message());
            }
        }

        @Test
        void standardInputIsReadForADash() {
            byte[] text = Logs.READY_A.getBytes(StandardCharsets.UTF_8);
            try (LogInput in = LogInput.open("-", new ByteArrayInputStream(text))) {
                assertEquals("stdin", in.name());
                assertEquals(LogFormat.MCPAUTH_SERVER, in.format());
            }
        }
    }
}
