package dev.mcpauth.report;

import dev.mcpauth.protocol.BearerChallenge;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code client-sim} text trace of a profile other than VS Code: {@code HH:mm:ss.SSS http POST
 * url (with token) -> 401 (12 ms) WWW-Authenticate: ...} per exchange ({@code browser} for the
 * person's steps) and {@code HH:mm:ss.SSS level message} per log line. The lines carry no date, so
 * they are not placed in time against other inputs.
 */
final class ClientSimPlain implements LineParser {

    private static final Pattern EXCHANGE =
            Pattern.compile(
                    "^(\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) (http|browser) ([A-Z]+) (\\S+)( \\(with"
                            + " token\\))? -> (?:(\\d{3}) \\(\\d+ ms\\)(.*)|no response: (.*))$");
    private static final Pattern LOG =
            Pattern.compile(
                    "^(\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) (trace|debug|info|warning|error) (.*)$");

    private final String source;

    ClientSimPlain(String source) {
        this.source = source;
    }

    static boolean recognizes(String line) {
        return EXCHANGE.matcher(line).matches() || LOG.matcher(line).matches();
    }

    @Override
    public List<Event> parse(String line, long number) {
        var restart = RestartMarker.parse(line, source, number, null, line);
        if (restart.isPresent()) {
            return List.of(restart.get());
        }
        Matcher x = EXCHANGE.matcher(line);
        Map<String, String> fields = new LinkedHashMap<>();
        if (x.matches()) {
            fields.put("method", x.group(3));
            fields.put("url", x.group(4));
            fields.put("authorization", x.group(5) != null ? "sent" : "none");
            if ("browser".equals(x.group(2))) {
                fields.put("via", "browser");
            }
            if (x.group(6) != null) {
                fields.put("status", x.group(6));
                readResponse(x.group(7), fields);
            } else {
                fields.put("error", x.group(8));
            }
            return List.of(event(number, Event.Kind.EXCHANGE, fields, line));
        }
        Matcher log = LOG.matcher(line);
        if (log.matches()) {
            fields.put("level", log.group(2));
            fields.put("message", log.group(3));
            return List.of(event(number, Event.Kind.MESSAGE, fields, line));
        }
        return List.of();
    }

    private static void readResponse(String rest, Map<String, String> fields) {
        int challenge = rest.indexOf("WWW-Authenticate: ");
        if (challenge < 0) {
            fields.put("challenge", "absent");
            return;
        }
        int location = rest.indexOf(" Location: ", challenge);
        String value = rest.substring(challenge + 18, location < 0 ? rest.length() : location);
        fields.put("challenge", value);
        BearerChallenge.parse(value)
                .map(BearerChallenge::scope)
                .ifPresent(s -> fields.put("scope", s));
    }

    private Event event(long number, Event.Kind kind, Map<String, String> fields, String raw) {
        return new Event(source, number, null, Event.Party.CLIENT, kind, fields, raw);
    }
}
