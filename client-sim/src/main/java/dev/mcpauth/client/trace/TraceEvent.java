package dev.mcpauth.client.trace;

import java.time.Instant;

/**
 * One line of a client's story: a log message at a level, or an HTTP exchange ({@code exchange}
 * set, {@code message} null).
 *
 * @param phase the scenario step it belongs to, such as {@code connect} or {@code reconnect}
 */
public record TraceEvent(
        Instant time, String phase, Level level, String message, HttpExchange exchange) {

    /** VS Code's output channel levels. */
    public enum Level {
        TRACE,
        DEBUG,
        INFO,
        WARNING,
        ERROR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
