package dev.mcpauth.cli;

import dev.mcpauth.report.Redactor;
import dev.mcpauth.report.Report;
import dev.mcpauth.report.ReportInputException;
import dev.mcpauth.report.Reporter;
import dev.mcpauth.server.McpAuthServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcpauth report}: reads client and server logs, diagnoses, drafts the upstream issue. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Diagnose captured logs and draft the upstream issue in Markdown.",
            "Reads VS Code's MCP output channel, mcpauth server logs, client-sim traces,",
            "discover --save snapshots and HTTP transcripts, joins them into one timeline,",
            "names what went wrong and whose fault it is, and drafts the issue for the right",
            "project. Tokens, codes, secrets, e-mail addresses and user names are always",
            "replaced by placeholders."
        },
        footer = {"", ExitCode.TABLE})
final class ReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    /** Paths, so that TAB completes file names; {@code -} stays {@code -}. */
    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Log files; - reads stdin.")
    List<Path> logs;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write to FILE.")
    Path output;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            completionCandidates = Candidates.OutputFormats.class,
            description = "text (the Markdown draft, default) or json (the diagnosis alone).")
    OutputFormat format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(names = "--redact-hosts", description = "Also replace host names (not loopback).")
    boolean redactHosts;

    enum OutputFormat {
        TEXT,
        JSON
    }

    @Override
    public Integer call() {
        Report report;
        try {
            report =
                    new Reporter(McpAuthServer.version())
                            .analyze(logs.stream().map(Path::toString).toList(), System.in);
        } catch (ReportInputException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        for (Report.InputSummary input : report.inputs()) {
            if (Report.SKIPPED_EMPTY.equals(input.format())) {
                spec.commandLine()
                        .getErr()
                        .println("mcpauth: skipped " + input.name() + ": it is empty");
            }
        }
        Redactor redactor = new Redactor(redactHosts);
        boolean asJson = json || format == OutputFormat.JSON;
        String text =
                asJson ? ReportText.json(report, redactor) : ReportDraft.render(report, redactor);
        write(text);
        spec.commandLine()
                .getErr()
                .println(
                        "report: "
                                + ReportText.summary(report)
                                + (output == null ? "" : "; written to " + output));
        return ExitCode.OK;
    }

    private void write(String text) {
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(
                    ExitCode.FAILURE,
                    "cannot write " + output + ": " + reason(e) + "; choose another -o FILE",
                    e);
        }
    }

    /** Why a file could not be written, in words: the JDK's message is often just the path. */
    private String reason(IOException e) {
        Path parent = output.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException && parent != null && !Files.isDirectory(parent)) {
            return "the directory " + output.getParent() + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (Files.isDirectory(output)) {
            return "it is a directory";
        }
        return e.getMessage();
    }
}
