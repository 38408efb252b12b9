package dev.mcpauth.report;

import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.token.Secrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written transcript of HTTP exchanges, one per line: {@code <n> <METHOD> <url> | <request
 * auth> -> <status> | <response header or body>}, with {@code event server_restart: A -> B}, {@code
 * client_log: [level] message} and {@code <n> browser opened: <url>} lines. {@code #} lines are
 * comments and never read: a transcript's expectations must not steer the diagnosis.
 */
final class ExchangeTranscript implements LineParser {

    private static final Pattern EXCHANGE =
            Pattern.compile(
                    "^\\s*(\\d+)\\s+(GET|POST|PUT|DELETE|OPTIONS|HEAD)\\s+(\\S+)(.*?)"
                            + "->\\s*(\\d{3})(.*)$");
    private static final Pattern BROWSER =
            Pattern.compile("^\\s*(\\d+)\\s+browser opened:\\s*(\\S+).*$");
    private static final Pattern EVENT = Pattern.compile("^event\\s+([\\w-]+):\\s*(.*)$");
    private static final Pattern CLIENT_LOG = Pattern.compile("^client_log:\\s*(.*)$");
    private static final Pattern BEARER = Pattern.compile("Bearer\\s+(\\S+)");
    private static final Pattern RESTART = Pattern.compile("^(\\S+)\\s*->\\s*(\\S+).*$");

    private final String source;

    ExchangeTranscript(String source) {
        this.source = source;
    }

    static boolean recognizes(String line) {
        return EXCHANGE.matcher(line).matches()
                || BROWSER.matcher(line).matches()
                || EVENT.matcher(line).matches()
                || CLIENT_LOG.matcher(line).matches();
    }

    @Override
    public List<Event> parse(String line, long number) {
        if (line.startsWith("#")) {
            return List.of();
        }
        Matcher exchange = EXCHANGE.matcher(line);
        if (exchange.matches()) {
            return List.of(exchange(exchange, line, number));
        }
        Matcher browser = BROWSER.matcher(line);
        if (browser.matches()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("method", "GET");
            fields.put("url", browser.group(2));
            fields.put("via", "browser");
            return List.of(event(number, Event.Party.CLIENT, Event.Kind.EXCHANGE, fields, line));
        }
        Matcher event = EVENT.matcher(line);
        if (event.matches()) {
            return List.of(serverEvent(event.group(1), event.group(2), line, number));
        }
        Matcher log = CLIENT_LOG.matcher(line);
        if (log.matches()) {
            String text = log.group(1);
            Matcher vscode = VsCodeLog.LINE.matcher(text);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("message", vscode.matches() ? vscode.group(3) : text);
            return List.of(event(number, Event.Party.CLIENT, Event.Kind.MESSAGE, fields, line));
        }
        return List.of();
    }

    private Event exchange(Matcher m, String line, long number) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("method", m.group(2));
        fields.put("url", m.group(3));
        fields.put("status", m.group(5));
        Matcher bearer = BEARER.matcher(m.group(4));
        if (bearer.find()) {
            String token = bearer.group(1);
            fields.put("authorization", "sent");
            fields.put("token", Secrets.fingerprint(token));
            int dot = token.indexOf('.');
            if (dot > 0) {
                fields.put("token_instance", token.substring(0, dot));
            }
        } else {
            fields.put("authorization", "none");
        }
        readResponse(m.group(6), fields);
        return event(number, Event.Party.CLIENT, Event.Kind.EXCHANGE, fields, line);
    }

    private static void readResponse(String rest, Map<String, String> fields) {
        for (String part : rest.split("\\|")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "WWW-Authenticate:", 0, 17)) {
                String value = p.substring(17).strip();
                fields.put("challenge", value);
                BearerChallenge.parse(value).ifPresent(c -> putScope(c, fields));
            } else if (p.toLowerCase().contains("no www-authenticate")) {
                fields.put("challenge", "absent");
            } else if (p.startsWith("{")) {
                fields.put("body", p);
            }
        }
    }

    private static void putScope(BearerChallenge c, Map<String, String> fields) {
        if (c.scope() != null) {
            fields.put("scope", c.scope());
        }
    }

    private Event serverEvent(String name, String value, String line, long number) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher restart = RESTART.matcher(value);
        if (name.contains("restart") && restart.matches()) {
            fields.put("from_instance", restart.group(1));
            fields.put("instance", restart.group(2));
            return event(number, Event.Party.SERVER, Event.Kind.RESTART, fields, line);
        }
        fields.put("instance", value.strip().split("\\s+")[0]);
        fields.put("message", name);
        Event.Kind kind = name.contains("instance") ? Event.Kind.SERVER_START : Event.Kind.MESSAGE;
        return event(number, Event.Party.SERVER, kind, fields, line);
    }

    private Event event(
            long number,
            Event.Party party,
            Event.Kind kind,
            Map<String, String> fields,
            String raw) {
        return new Event(source, number, null, party, kind, fields, raw);
    }
}
