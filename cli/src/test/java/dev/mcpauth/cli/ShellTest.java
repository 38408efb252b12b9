package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mcpauth shell} driven through a dumb terminal, line by line. */
class ShellTest {

    @TempDir Path dir;

    /** The exit code of the last {@link #session}: its last command's, as input is not a tty. */
    private int exitCode;

    private String session(String lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Settings settings = new Settings(Map.of(), dir.resolve("config"), new Properties());
        try (Terminal terminal =
                new DumbTerminal(
                        new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), out)) {
            exitCode =
                    assertTimeoutPreemptively(
                            Duration.ofSeconds(30),
                            () -> new Repl(settings, terminal, dir.resolve("history")).run());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aServerStartedInTheShellRunsInTheBackgroundUntilStopped() throws Exception {
        String out =
                session(
                        "server --port 0 --store memory\n"
                                + "status --json\n"
                                + "stop\n"
                                + "status\n"
                                + "exit\n");

        assertTrue(out.contains("\"running\":true"), out);
        assertTrue(out.contains("stopped http://localhost:"), out);
        assertTrue(out.contains("no server running"), out);
    }

    @Test
    void dollarUrlStandsForTheSessionServer() throws Exception {
        String out = session("server --port 0 --store memory\ncompletion $url\n");

        assertTrue(out.contains("no completion for 'http://localhost:"), out);
    }

    @Test
    void aMissingUrlParameterIsTheSessionServers() throws Exception {
        String out = session("server --port 0 --store memory\ndiscover --json\n");

        assertTrue(out.contains("\"http://localhost:"), out);
        assertTrue(!out.contains("Missing required parameter"), out);
    }

    @Test
    void inputFromAPipeGetsNoPromptAndTheLastCommandsExitCode() throws Exception {
        String failed = session("status\nserver --port 70000\n");
        int failedCode = exitCode;
        String fine = session("server --port 70000\nstatus --json\n");

        assertEquals(ExitCode.USAGE, failedCode);
        assertEquals(ExitCode.OK, exitCode);
        assertFalse(failed.contains("mcpauth> "), failed);
        assertTrue(fine.startsWith("mcpauth: --port must be"), fine);
    }

    @Test
    void dollarUrlWithoutAServerIsRefused() throws Exception {
        assertTrue(session("completion $url\n").contains("$url is unset"));
    }

    @Test
    void helpListsTheShellCommands() throws Exception {
        String out = session("help\n");

        assertTrue(out.contains("status"), out);
        assertTrue(out.contains("stop"), out);
    }

    @Test
    void aFailedCommandKeepsTheShellAndEndOfInputLeavesIt() throws Exception {
        String out = session("server --port 70000\nstatus\n");

        assertTrue(out.contains("--port must be 0 to 65535"), out);
        assertTrue(out.contains("no server running"), out);
    }

    @Test
    void aMistypedLinePointsAtTheShellsHelpNotTheCommandLines() throws Exception {
        String out = session("statu\nserver --stroe memory\n");

        assertTrue(out.contains("Did you mean: status or stop?"), out);
        assertTrue(out.contains("Did you mean: --store?"), out);
        assertTrue(out.contains("See 'help'."), out);
        assertTrue(out.contains("See 'help server'."), out);
        assertFalse(out.contains("mcpauth --help"), out);
    }

    @Test
    void aProfileNamedForOneCommandIsNotKeptForTheNext() throws Exception {
        String unreachable = "http://127.0.0.1:1/mcp --timeout 2s --cache-dir " + dir;
        String out =
                session(
                        "client-sim --profile spec connect "
                                + unreachable
                                + "\nclient-sim connect "
                                + unreachable
                                + "\n");

        assertTrue(out.contains("cannot reach"), out);
        assertTrue(out.contains("name the client to simulate with --profile"), out);
    }

    @Test
    void anOpenQuoteContinuesTheLineInsteadOfRunningIt() throws Exception {
        String out = session("completion \"bash\n");

        assertFalse(out.contains("complete -F"), out);
    }

    @Test
    void aQuotedWordKeepsItsSpaces() throws Exception {
        String out = session("completion \"ba sh\"\n");

        assertTrue(out.contains("no completion for 'ba sh'"), out);
    }

    @Test
    void historyIsKeptOwnerOnly() throws Exception {
        session("status\n");

        Path history = dir.resolve("history");
        assertTrue(Files.readString(history).contains("status"));
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(history)));
    }

    @Test
    void aLineWithATokenIsNotKeptInTheHistory() throws Exception {
        String token = TokenFixtures.CASE_06_TOKEN;
        session("token decode " + token + "\ntoken decode --json " + token + "\nstatus\n");

        String history = Files.readString(dir.resolve("history"));
        assertFalse(history.contains(token), history);
        assertTrue(history.contains("status"), history);
    }

    @Test
    void aTokenLineReadingStdinOrNamingNoTokenIsKeptInTheHistory() {
        assertTrue(ShellHistory.holdsToken("token decode eyJ.x.y"));
        assertTrue(ShellHistory.holdsToken("token --json verify --jwks http://h/jwks eyJ.x.y"));
        assertFalse(ShellHistory.holdsToken("token decode -"));
        assertFalse(ShellHistory.holdsToken("token verify --help"));
        assertFalse(ShellHistory.holdsToken("discover http://h/mcp"));
    }

    /** TAB in the shell: the candidates its completer offers for a line ending at the cursor. */
    @Nested
    class Completion {

        private List<String> complete(String line) throws Exception {
            Settings settings = new Settings(Map.of(), dir.resolve("config"), new Properties());
            CommandLine tree = Main.commandLine(settings);
            tree.addSubcommand("help", new CommandLine.HelpCommand());
            try (Terminal terminal =
                    new DumbTerminal(
                            new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
                LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
                var parsed =
                        new DefaultParser()
                                .parse(line, line.length(), Parser.ParseContext.COMPLETE);
                List<Candidate> candidates = new java.util.ArrayList<>();
                ShellCompleter.of(tree).complete(reader, parsed, candidates);
                return candidates.stream().map(Candidate::value).toList();
            }
        }

        @Test
        void afterAnInheritedOptionAndItsValueTheSubcommandsAreOffered() throws Exception {
            List<String> offered = complete("client-sim -p spec ");

            assertTrue(
                    offered.containsAll(List.of("connect", "matrix", "restart")),
                    offered.toString());
        }

        @Test
        void afterAnOptionValueAndASubcommandItsOptionsAreOffered() throws Exception {
            List<String> offered = complete("client-sim -p spec connect --");

            assertTrue(offered.contains("--timeout="), offered.toString());
            assertTrue(offered.contains("--profile="), offered.toString());
        }

        @Test
        void afterAPositionalParameterOptionsAreStillOffered() throws Exception {
            List<String> offered = complete("client-sim connect http://h/mcp --pro");

            assertTrue(offered.contains("--profile="), offered.toString());
        }

        @Test
        void theValuesOfAnOptionAreOffered() throws Exception {
            List<String> offered = complete("client-sim --profile ");

            assertTrue(offered.contains("spec"), offered.toString());
        }

        @Test
        void theValuesOfAPositionalParameterAreOffered() throws Exception {
            List<String> offered = complete("completion ");

            assertEquals(List.of("bash", "zsh", "fish"), offered);
        }

        @Test
        void helpIsFollowedByTheCommandNames() throws Exception {
            List<String> offered = complete("help ");

            assertTrue(
                    offered.containsAll(List.of("server", "client-sim", "token", "report")),
                    offered.toString());
            assertTrue(complete("help server ").isEmpty());
        }

        @Test
        void reportsLogFilesCompleteFileNames() throws Exception {
            Files.writeString(dir.resolve("REPORT-client.log"), "");
            List<String> first = complete("report " + dir + "/REP");
            List<String> second = complete("report - " + dir + "/REP");

            assertTrue(
                    first.stream().anyMatch(c -> c.endsWith("REPORT-client.log")),
                    first.toString());
            assertTrue(
                    second.stream().anyMatch(c -> c.endsWith("REPORT-client.log")),
                    second.toString());
        }

        @Test
        void aDirectoryOptionCompletesDirectoriesOnly() throws Exception {
            Files.createDirectory(dir.resolve("DATA-store"));
            Files.writeString(dir.resolve("DATA-notes.txt"), "");
            List<String> dirOption = complete("server --data-dir " + dir + "/DATA");
            List<String> fileArgument = complete("report " + dir + "/DATA");

            assertTrue(
                    dirOption.stream().anyMatch(c -> c.contains("DATA-store")),
                    dirOption.toString());
            assertFalse(
                    dirOption.stream().anyMatch(c -> c.contains("DATA-notes")),
                    dirOption.toString());
            assertTrue(
                    fileArgument.stream().anyMatch(c -> c.contains("DATA-notes")),
                    fileArgument.toString());
        }
    }
}
