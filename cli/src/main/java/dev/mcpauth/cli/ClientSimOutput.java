package dev.mcpauth.cli;

import dev.mcpauth.client.trace.JsonLogFormat;
import dev.mcpauth.client.trace.PlainLogFormat;
import dev.mcpauth.client.trace.TraceEvent;
import dev.mcpauth.client.trace.VsCodeLogFormat;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --format text|json} and {@code --json} of the client-sim commands, and trace printing. */
final class ClientSimOutput {

    enum Format {
        TEXT,
        JSON
    }

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            completionCandidates = Candidates.OutputFormats.class,
            description = "text (default) or json: one JSON object per line.")
    Format format = Format.TEXT;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    boolean isJson() {
        return json || format == Format.JSON;
    }

    /**
     * Prints trace events: VS Code profiles in VS Code's output-channel format, the others one line
     * per exchange, or one JSON object per event. Restart markers are comments in text.
     */
    void printTrace(PrintWriter out, String profile, boolean vscode, List<TraceEvent> events) {
        for (TraceEvent event : events) {
            if (isJson()) {
                out.println(JsonLogFormat.line(profile, event));
            } else if (event.phase().equals("restart")) {
                out.println("# " + event.message());
            } else {
                List<String> lines =
                        vscode ? VsCodeLogFormat.lines(event) : PlainLogFormat.lines(event);
                lines.forEach(out::println);
            }
        }
        out.flush();
    }
}
