package dev.mcpauth.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VS Code's "MCP: &lt;label&gt;" output channel as users paste it: {@code 2025-10-08 10:51:20.882
 * [trace] message}, with or without the timestamp. At trace level every HTTP request is a {@code
 * Fetching URL with options: {json}} line (the {@code Authorization} value shown as {@code ***})
 * followed by {@code Fetched URL: {json}} with the status and lower-case response headers; the pair
 * becomes one exchange. Timestamps are local time without a zone; they are read as UTC.
 */
final class VsCodeLog implements LineParser {

    static final Pattern LINE =
            Pattern.compile(
                    "^(?:(\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)\\s+)?"
                            + "\\[(trace|debug|info|warning|warn|error|critical)\\]\\s?(.*)$");
    private static final Pattern FETCHING = Pattern.compile("^Fetching (\\S+) with options: (.*)$");
    private static final Pattern FETCHED = Pattern.compile("^Fetched (\\S+): (.*)$");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*(\\d{3})");
    private static final Pattern AUTH_HEADER =
            Pattern.compile("\"authorization\"\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern USER_AGENT =
            Pattern.compile(
                    "\"user-agent\"\\s*:\\s*\"([^\"/]+)/([^\"\\s]+)\"", Pattern.CASE_INSENSITIVE);
    private static final int MAX_PENDING = 64;

    private final String source;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private Instant last;

    VsCodeLog(String source) {
        this.source = source;
    }

    static boolean recognizes(String line) {
        return LINE.matcher(line).matches();
    }

    private record Pending(long number, Instant at, String raw, Map<String, String> fields) {}

    @Override
    public List<Event> parse(String line, long number) {
        if (line.startsWith("#")) {
            return RestartMarker.parse(line, source, number, last, line).stream().toList();
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return List.of();
        }
        Instant at = m.group(1) == null ? last : time(m.group(1));
        last = at;
        String message = m.group(3);
        Matcher fetching = FETCHING.matcher(message);
        if (fetching.matches()) {
            remember(number, at, line, fetching.group(1), fetching.group(2));
            return List.of();
        }
        Matcher fetched = FETCHED.matcher(message);
        if (fetched.matches()) {
            return List.of(exchange(number, line, at, fetched.group(1), fetched.group(2)));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("level", m.group(2));
        fields.put("message", message);
        return List.of(event(number, at, Event.Kind.MESSAGE, fields, line));
    }

    @Override
    public List<Event> finish() {
        List<Event> left = new ArrayList<>();
        for (Pending p : pending.values()) {
            left.add(event(p.number(), p.at(), Event.Kind.EXCHANGE, p.fields(), p.raw()));
        }
        pending.clear();
        return left;
    }

    private void remember(long number, Instant at, String raw, String url, String options) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher method = METHOD.matcher(options);
        fields.put("method", method.find() ? method.group(1).toUpperCase() : "GET");
        fields.put("url", url);
        fields.put("authorization", AUTH_HEADER.matcher(options).find() ? "sent" : "none");
        Matcher agent = USER_AGENT.matcher(options);
        if (agent.find()) {
            putClient(agent.group(1) + "/" + agent.group(2), fields);
        }
        if (pending.size() == MAX_PENDING) {
            Iterator<String> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        pending.put(url, new Pending(number, at, raw, fields));
    }

    /** Client name and version from a User-Agent such as {@code Visual Studio Code/1.105.1}. */
    static void putClient(String userAgent, Map<String, String> fields) {
        int slash = userAgent.indexOf('/');
        if (slash <= 0) {
            return;
        }
        String name = userAgent.substring(0, slash).strip();
        String version = userAgent.substring(slash + 1).strip().split("\\s+")[0];
        fields.put("client", name.startsWith("Visual Studio Code") ? "VS Code" : name);
        fields.put("client_version", version);
    }

    private Event exchange(long number, String raw, Instant at, String url, String json) {
        Pending request = pending.remove(url);
        Map<String, String> fields = new LinkedHashMap<>();
        long first = number;
        String lines = raw;
        Instant start = at;
        if (request != null) {
            fields.putAll(request.fields());
            first = request.number();
            start = request.at() != null ? request.at() : at;
            lines = request.raw() + "\n" + raw;
        } else {
            fields.put("url", url);
        }
        readResponse(json, fields);
        return event(first, start, Event.Kind.EXCHANGE, fields, lines);
    }

    /** Status and headers; a pasted line may be cut short, so the status is also searched for. */
    private static void readResponse(String json, Map<String, String> fields) {
        try {
            JsonNode response = Json.mapper().readTree(json);
            if (response == null || !response.path("status").isInt()) {
                throw new IOException("no status");
            }
            fields.put("status", response.path("status").asText());
            JsonNode headers = response.path("headers");
            JsonNode challenge = headers.get("www-authenticate");
            fields.put("challenge", challenge == null ? "absent" : challenge.asText());
            if (challenge != null) {
                BearerChallenge.parse(challenge.asText())
                        .map(BearerChallenge::scope)
                        .ifPresent(scope -> fields.put("scope", scope));
            }
            return;
        } catch (IOException | RuntimeException e) {
            // Cut short: keep what a search finds.
        }
        Matcher status = STATUS.matcher(json);
        if (status.find()) {
            fields.put("status", status.group(1));
        }
    }

    private Event event(
            long number, Instant at, Event.Kind kind, Map<String, String> fields, String raw) {
        return new Event(source, number, at, Event.Party.CLIENT, kind, fields, raw);
    }

    private static Instant time(String text) {
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
