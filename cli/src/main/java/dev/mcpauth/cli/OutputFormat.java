package dev.mcpauth.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/** How a command writes its data on stdout: text for people, JSON for scripts. */
enum OutputFormat {
    TEXT,
    JSON;

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code --format} and {@code --json} options, mixed into commands that print data. */
    static final class Options {

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                defaultValue = "text",
                completionCandidates = Candidates.Formats.class,
                description = "text (default) or json.")
        OutputFormat format;

        @Option(names = "--json", description = "Same as --format json.")
        boolean json;

        OutputFormat format() {
            return json ? JSON : format;
        }
    }
}
