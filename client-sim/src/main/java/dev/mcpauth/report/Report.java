package dev.mcpauth.report;

import java.util.List;

/**
 * The result of reading the logs: what was read, the environment, the diagnoses (empty: no known
 * pattern) and the timeline.
 */
public record Report(
        List<InputSummary> inputs,
        Environment environment,
        List<Diagnosis> diagnoses,
        Timeline timeline) {

    /** One input: its name, detected format, and how many of its lines the report understood. */
    public record InputSummary(
            String name, String format, long lines, long recognized, long truncated) {}

    /** The format of an input that was empty and skipped because other inputs were given. */
    public static final String SKIPPED_EMPTY = "empty, skipped";

    public boolean knownPattern() {
        return !diagnoses.isEmpty();
    }
}
