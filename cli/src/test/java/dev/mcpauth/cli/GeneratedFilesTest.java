package dev.mcpauth.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The completion scripts in {@code completions/} and the man pages in {@code man/} are generated
 * from the command model: picocli writes each page as AsciiDoc ({@code man/NAME.adoc}), and
 * Asciidoctor's manpage converter turns that into roff ({@code man/man1/NAME.1}, for {@code man}).
 * These tests regenerate them and fail on any difference; run with {@code
 * -Dmcpauth.regenerate=true} to write the new files instead.
 */
class GeneratedFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final boolean REGENERATE = Boolean.getBoolean("mcpauth.regenerate");

    /** Started once: Asciidoctor runs on JRuby, whose start costs seconds. */
    private static Asciidoctor asciidoctor;

    @AfterAll
    static void closeAsciidoctor() {
        if (asciidoctor != null) {
            asciidoctor.close();
            asciidoctor = null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void committedCompletionScriptMatchesTheCommands(String shell) throws IOException {
        Path file = ROOT.resolve("completions").resolve("mcpauth." + shell);

        assertCommitted(file, CompletionCommand.script(shell));
    }

    /**
     * picocli's bash script names each option's value list after its parameter label: two options
     * of one command with the same label would offer one option's values for both.
     */
    @Test
    void eachOptionOfACommandOffersItsOwnValuesInBash() {
        String script = CompletionCommand.script("bash");
        for (String function : script.split("\nfunction ")) {
            Set<String> lists = new HashSet<>();
            for (String line : function.lines().toList()) {
                Matcher list = VALUE_LIST.matcher(line);
                if (list.find()) {
                    assertTrue(lists.add(list.group(1)), list.group(1) + " twice in " + function);
                    assertEquals(
                            list.group(2).toLowerCase(Locale.ROOT),
                            list.group(2),
                            "values as the command line spells them: " + line);
                }
            }
        }
    }

    /**
     * {@code mcpauth report LOG...} completes file names: the script of each shell, run by that
     * shell (zsh runs the bash script), completes a file in a temporary directory.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bash", "fish"})
    void reportsLogFilesCompleteFileNames(String shell, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("REPORT-client.log"), "");
        Path script = dir.resolve("mcpauth." + shell);
        Files.writeString(script, CompletionCommand.script(shell));
        String line = "mcpauth report client.log " + dir + "/REP";
        String program =
                shell.equals("bash")
                        ? "source \"$1\"; COMP_LINE=\"$2\"; COMP_POINT=${#2}; read -ra COMP_WORDS"
                                + " <<< \"$2\"; COMP_CWORD=3; _complete_mcpauth mcpauth"
                                + " \"${COMP_WORDS[3]}\" -; printf '%s\\n' \"${COMPREPLY[@]}\""
                        : "source $argv[1]; complete -C $argv[2]";
        List<String> command =
                shell.equals("bash")
                        ? List.of("bash", "--norc", "-c", program, "bash", script.toString(), line)
                        : List.of("fish", "--no-config", "-c", program, script.toString(), line);
        Assumptions.assumeTrue(onPath(shell), shell + " is not installed");
        Process process =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean finished = process.waitFor(20, TimeUnit.SECONDS);
        String offered = finished ? new String(process.getInputStream().readAllBytes(), UTF_8) : "";
        process.destroyForcibly();
        assertTrue(finished, shell + " did not finish");

        assertTrue(offered.contains(dir + "/REPORT-client.log"), shell + " offered: " + offered);
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static final Pattern VALUE_LIST =
            Pattern.compile("^\\s*local (\\w+_option_args)=\\((.*)\\)");

    @ParameterizedTest
    @MethodSource("manPages")
    void committedManPageMatchesTheCommands(String name, String page) throws IOException {
        assertCommitted(ROOT.resolve("man").resolve(name + ".adoc"), page);
    }

    @ParameterizedTest
    @MethodSource("manPages")
    void committedRoffManPageMatchesTheCommands(String name, String page) throws IOException {
        assertCommitted(ROOT.resolve("man").resolve("man1").resolve(name + ".1"), roff(page));
    }

    /**
     * The roff of an AsciiDoc man page. {@code reproducible} leaves the date out, so the page
     * changes only when the commands do.
     */
    static String roff(String adoc) {
        if (asciidoctor == null) {
            asciidoctor = Asciidoctor.Factory.create();
        }
        String page =
                asciidoctor.convert(
                        adoc,
                        Options.builder()
                                .backend("manpage")
                                .standalone(true)
                                .safe(SafeMode.SECURE)
                                .attributes(
                                        Attributes.builder().attribute("reproducible", "").build())
                                .build());
        return page.endsWith("\n") ? page : page + "\n";
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

    private static final String FOOTER_START = "// tag::picocli-generated-man-section-footer[]";

    /**
     * The page picocli writes, with the footer {@code --help} shows (profiles, exit codes) as a
     * section of its own, kept as laid out for the terminal: picocli leaves a footer without a
     * heading out of the page.
     */
    private static String page(CommandLine cli) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            ManPageGenerator.writeSingleManPage(out, cli.getCommandSpec());
        }
        String page = text.toString() + seeAlso(cli);
        String footer =
                new CommandLine.Help(
                                cli.getCommandSpec(),
                                CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                        .footer()
                        .strip();
        if (footer.isEmpty() || !page.contains(FOOTER_START + "\n")) {
            return page;
        }
        return page.replace(
                FOOTER_START + "\n",
                FOOTER_START + "\n== Notes\n\n....\n" + footer.replace("\r", "") + "\n....\n\n");
    }

    /** A See also section naming the pages of the parent command and of the subcommands. */
    private static String seeAlso(CommandLine cli) {
        List<String> related = new ArrayList<>();
        CommandLine parent = cli.getParent();
        if (parent != null) {
            related.add(parent.getCommandSpec().qualifiedName("-"));
        }
        cli.getSubcommands().values().stream()
                .map(sub -> sub.getCommandSpec().qualifiedName("-"))
                .distinct()
                .forEach(related::add);
        if (related.isEmpty()) {
            return "";
        }
        StringBuilder section = new StringBuilder("\n== See also\n\n");
        for (int i = 0; i < related.size(); i++) {
            section.append('*').append(related.get(i)).append("*(1)");
            section.append(i < related.size() - 1 ? ",\n" : "\n");
        }
        return section.toString();
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
