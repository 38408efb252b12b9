package dev.mcpauth.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.mcpauth.check.UnreachableException;
import dev.mcpauth.protocol.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --format text|json} and {@code --json}, shared by the commands that report data. */
final class OutputOptions {

    /** The output formats of the output contract. */
    enum Format {
        text,
        json
    }

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "text (default) or json.")
    Format format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    boolean isJson() {
        return json || format == Format.json;
    }

    /** Colour as {@link Settings#ansi()} decides: terminal, NO_COLOR, CLICOLOR_FORCE. */
    static boolean colourWanted() {
        return Settings.load().ansi().enabled();
    }

    /** The JSON document of a command whose server did not answer, for scripts to parse. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Unreachable(String url, boolean reachable, String error, int exitCode) {}

    /** With --format json, prints why the server at {@code url} is unreachable; then rethrows. */
    RuntimeException unreachable(PrintWriter out, Object url, UnreachableException e) {
        // A command cancelled with Ctrl-C prints no document: it did not find the server down.
        if (isJson() && !Thread.currentThread().isInterrupted()) {
            printJson(
                    out,
                    new Unreachable(
                            String.valueOf(url),
                            false,
                            "cannot reach " + e.getMessage(),
                            ExitCode.UNREACHABLE));
        }
        return e;
    }

    static void printJson(PrintWriter out, Object value) {
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new CliException(ExitCode.FAILURE, "cannot write JSON: " + e.getMessage(), e);
        }
        out.flush();
    }
}
