package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The completion scripts in {@code completions/} and the man pages in {@code man/} are generated
 * from the command model. These tests regenerate them and fail on any difference; run with {@code
 * -Dmcpauth.regenerate=true} to write the new files instead.
 */
class GeneratedFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final boolean REGENERATE = Boolean.getBoolean("mcpauth.regenerate");

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void committedCompletionScriptMatchesTheCommands(String shell) throws IOException {
        Path file = ROOT.resolve("completions").resolve("mcpauth." + shell);

        assertCommitted(file, CompletionCommand.script(shell));
    }

    @ParameterizedTest
    @MethodSource("manPages")
    void committedManPageMatchesTheCommands(String name, String page) throws IOException {
        assertCommitted(ROOT.resolve("man").resolve(name + ".adoc"), page);
    }

    /** One AsciiDoc man page per command, named mcpauth-server and so on. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> manPages() {
        CommandLine tree = Main.commandLine(new Settings(Map.of(), null, new Properties()));
        Map<String, CommandLine> pages = new TreeMap<>();
        collect(tree, pages);
        return pages.entrySet().stream()
                .map(
                        e ->
                                org.junit.jupiter.params.provider.Arguments.of(
                                        e.getKey(), page(e.getValue())));
    }

    private static void collect(CommandLine cli, Map<String, CommandLine> pages) {
        pages.put(cli.getCommandSpec().qualifiedName("-"), cli);
        cli.getSubcommands().values().forEach(sub -> collect(sub, pages));
    }

    private static String page(CommandLine cli) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            ManPageGenerator.writeSingleManPage(out, cli.getCommandSpec());
        }
        return text.toString();
    }

    private static void assertCommitted(Path file, String generated) throws IOException {
        if (REGENERATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated);
        }
        String committed = Files.exists(file) ? Files.readString(file) : "";
        assertEquals(
                generated,
                committed,
                file
                        + " differs from what the commands generate; rerun with"
                        + " -Dmcpauth.regenerate=true and commit the result");
    }
}
