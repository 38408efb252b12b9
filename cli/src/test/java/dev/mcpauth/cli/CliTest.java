package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import dev.mcpauth.store.StoreKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a script sees it: exit codes, stdout and stderr. */
class CliTest {

    @TempDir Path dataDir;

    /** The outcome of one run: exit code and both streams. */
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Run run = run("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("server"));
        assertTrue(run.out().contains("5    server unreachable"));
    }

    @Test
    void serverHelpSaysWhatEachWorkaroundDoesToWhichClient() {
        Run run = run("server", "--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("dynamic-scope"));
        assertTrue(run.out().contains("VS Code <= 1.105"));
        assertTrue(run.out().contains("as-url-rotation"));
    }

    @Test
    void helpFollowedByACommandIsThatCommandsHelp() {
        Run word = run(Main.helpWord(new String[] {"help", "client-sim", "connect"}));
        Run option = run("client-sim", "connect", "--help");
        Run alone = run(Main.helpWord(new String[] {"help"}));

        assertEquals(0, word.exitCode(), word.err());
        assertEquals(option.out(), word.out());
        assertTrue(word.out().startsWith("Usage: mcpauth client-sim connect"), word.out());
        assertEquals(run("--help").out(), alone.out());
    }

    /** picocli wraps a longer line, leaving a word or two alone on the next one. */
    @Test
    void everyLineOfEveryHelpFitsEightyColumns() {
        List<String> tooLong = new ArrayList<>();
        List<CommandLine> todo = new ArrayList<>(List.of(Main.commandLine()));
        while (!todo.isEmpty()) {
            CommandLine cli = todo.remove(0);
            todo.addAll(cli.getSubcommands().values());
            var usage = cli.getCommandSpec().usageMessage();
            for (String[] lines : List.of(usage.description(), usage.footer())) {
                for (String line : String.join("%n", lines).split("%n|\n")) {
                    if (line.length() > 80 && !line.contains("${")) {
                        tooLong.add(cli.getCommandSpec().qualifiedName() + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), tooLong);
    }

    @Test
    void versionNamesTheJavaRuntime() {
        Run run = run("--version");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Java " + System.getProperty("java.version")));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("server", "--colour").exitCode());
    }

    @Test
    void anUnknownWorkaroundNamesTheValidOnes() {
        Run run = run("server", "--workaround", "restart-magic");

        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("dynamic-scope"), run.err());
    }

    @Test
    void aBadPortIsAUsageErrorWithOneLine() {
        Run run = run("server", "--port", "70000", "--store", "memory");

        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--port"));
    }

    @Test
    void aBusyPortFailsWithOneLineInsteadOfAServerOnNoPort() {
        try (McpAuthServer holder =
                McpAuthServer.start(
                        ServerConfig.builder(dataDir).port(0).store(StoreKind.MEMORY).build())) {
            Run run =
                    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                            java.time.Duration.ofSeconds(30),
                            () ->
                                    run(
                                            "server",
                                            "--store",
                                            "memory",
                                            "--port",
                                            String.valueOf(holder.port())));

            assertEquals(ExitCode.FAILURE, run.exitCode());
            assertTrue(run.err().startsWith("mcpauth: cannot listen"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsNamedAsSuch() throws Exception {
        Path file = java.nio.file.Files.createFile(dataDir.resolve("not-a-dir"));

        Run run = run("server", "--port", "0", "--data-dir", file.toString());

        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertTrue(run.err().contains("is a file, not a directory"), run.err());
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused() {
        try (McpAuthServer first =
                McpAuthServer.start(ServerConfig.builder(dataDir).port(0).build())) {
            Run run = run("server", "--port", "0", "--data-dir", dataDir.toString());

            assertEquals(ExitCode.FAILURE, run.exitCode());
            assertTrue(run.err().startsWith("mcpauth: another mcpauth server"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
    }
}
