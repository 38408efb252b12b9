package dev.mcpauth.report;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One thing a log says happened, read from one line (or a request/response pair of lines) of one
 * input: a client's HTTP exchange, a server's authorization decision, a server start, a client
 * message. Fields use the wire names ({@code method}, {@code url}, {@code status}, {@code
 * endpoint}, {@code reason}, {@code token}); {@code raw} is the line as read, for evidence.
 */
public record Event(
        String source,
        long line,
        Instant at,
        Party party,
        Kind kind,
        Map<String, String> fields,
        String raw) {

    /** Who wrote the line. */
    public enum Party {
        CLIENT,
        SERVER
    }

    /** What the line records. */
    public enum Kind {
        /** A request and, when the log has it, its response status. */
        EXCHANGE,
        /** One {@code mcpauth.authz} decision line. */
        DECISION,
        SERVER_START,
        SERVER_STOP,
        /** A restart noted by whoever captured the log, not by the server itself. */
        RESTART,
        /** A free-text line of the client's own log. */
        MESSAGE,
        /** A metadata document or token as captured, with its JSON in {@code body}. */
        DOCUMENT
    }

    public Event {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String field(String name) {
        return fields.get(name);
    }

    public boolean has(String name, String value) {
        return value.equals(fields.get(name));
    }

    public int status() {
        String s = fields.get("status");
        return s == null ? 0 : Integer.parseInt(s);
    }

    /** The path of the request URL, or empty when the event has no URL. */
    public String path() {
        return uri().map(u -> u.getPath() == null ? "" : u.getPath()).orElse("");
    }

    public Optional<URI> uri() {
        String url = fields.get("url");
        if (url == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(url));
        } catch (IllegalArgumentException e) {
            // Pasted URLs hold placeholders such as <id>: the part before the query still counts.
            int query = url.indexOf('?');
            try {
                return query > 0
                        ? Optional.of(URI.create(url.substring(0, query)))
                        : Optional.empty();
            } catch (IllegalArgumentException again) {
                return Optional.empty();
            }
        }
    }

    /** True when the request carried an {@code Authorization} header. */
    public boolean authorizationSent() {
        return "sent".equals(fields.get("authorization"));
    }

    public String message() {
        return fields.getOrDefault("message", "");
    }

    /** Where the event was read: {@code file:line}. */
    public String location() {
        return source + ":" + line;
    }

    public Event withTime(Instant time) {
        return new Event(source, line, time, party, kind, fields, raw);
    }
}
