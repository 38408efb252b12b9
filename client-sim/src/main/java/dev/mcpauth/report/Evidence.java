package dev.mcpauth.report;

/**
 * A log line that supports a diagnosis: where it is, what it says ({@code text} as read, {@code
 * summary} in the timeline's words), and why it matters.
 */
public record Evidence(String source, long line, String text, String summary, String note) {

    static Evidence of(Event e, String note) {
        return new Evidence(e.source(), e.line(), e.raw(), Timeline.describe(e), note);
    }
}
