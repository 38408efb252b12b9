package dev.mcpauth.report;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mcpauth server's log: {@code <timestamp> <LEVEL> <logger> <message>}, one decision per {@code
 * mcpauth.authz} line in logfmt, and a ready line naming the URL and the instance id.
 */
final class ServerLog implements LineParser {

    static final Pattern LINE =
            Pattern.compile(
                    "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z)\\s+"
                            + "(TRACE|DEBUG|INFO|WARNING|WARN|ERROR)\\s+"
                            + "(mcpauth(?:\\.[\\w-]+)*)\\s(.*)$");
    private static final Pattern READY =
            Pattern.compile(
                    "^mcpauth server ready at (\\S+) in (-?\\d+) ms \\(instance (\\d+), store"
                            + " (.+?): \\d+ clients.*$");
    private static final Pattern STOPPED =
            Pattern.compile("^mcpauth server instance ([\\d,]+) stopped.*$");

    private final String source;

    ServerLog(String source) {
        this.source = source;
    }

    static boolean recognizes(String line) {
        return LINE.matcher(line).matches();
    }

    @Override
    public List<Event> parse(String line, long number) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return List.of();
        }
        Instant at = time(m.group(1));
        String logger = m.group(3);
        String message = m.group(4);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("level", m.group(2));
        if (logger.equals("mcpauth.authz") && message.startsWith("authz ")) {
            fields.putAll(Logfmt.parse(message.substring(6)));
            return List.of(event(number, at, Event.Kind.DECISION, fields, line));
        }
        Matcher ready = READY.matcher(message);
        if (ready.matches()) {
            fields.put("url", ready.group(1));
            fields.put("instance", ready.group(3));
            fields.put("store", ready.group(4).strip());
            return List.of(event(number, at, Event.Kind.SERVER_START, fields, line));
        }
        Matcher stopped = STOPPED.matcher(message);
        if (stopped.matches()) {
            fields.put("instance", stopped.group(1).replace(",", ""));
            return List.of(event(number, at, Event.Kind.SERVER_STOP, fields, line));
        }
        fields.put("logger", logger);
        fields.put("message", message);
        return List.of(event(number, at, Event.Kind.MESSAGE, fields, line));
    }

    private Event event(
            long number, Instant at, Event.Kind kind, Map<String, String> fields, String raw) {
        return new Event(source, number, at, Event.Party.SERVER, kind, fields, raw);
    }

    private static Instant time(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
