package dev.mcpauth.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line {@code client-sim} writes where it restarted the server: {@code server restarted:
 * instance A -> B (store memory)}, a {@code #} comment in its text traces.
 */
final class RestartMarker {

    private static final Pattern MARKER =
            Pattern.compile(
                    "^(?:#\\s*)?server restarted: instance (\\S+) -> (\\S+)(?: \\(store"
                            + " ([^)]+)\\))?.*$");

    private RestartMarker() {}

    static Optional<Event> parse(String text, String source, long line, Instant at, String raw) {
        Matcher m = MARKER.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("from_instance", m.group(1));
        fields.put("instance", m.group(2));
        if (m.group(3) != null) {
            fields.put("store", m.group(3));
        }
        return Optional.of(
                new Event(source, line, at, Event.Party.SERVER, Event.Kind.RESTART, fields, raw));
    }
}
