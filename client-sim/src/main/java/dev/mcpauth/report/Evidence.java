package dev.mcpauth.report;

/** A log line that supports a diagnosis: where it is, what it says, and why it matters. */
public record Evidence(String source, long line, String text, String note) {

    static Evidence of(Event e, String note) {
        return new Evidence(e.source(), e.line(), e.raw(), note);
    }
}
