package dev.mcpauth.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.token.Secrets;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code client-sim} JSON trace: one event per line, {@code {"time", "phase", "level",
 * "message"}} for a log line or with an {@code "exchange"} object ({@code method}, {@code url},
 * {@code requestHeaders}, {@code requestBody}, {@code status}, {@code responseHeaders}) for an HTTP
 * exchange. A bearer token is joined to the server's log by its fingerprint; the token itself is
 * not kept.
 */
final class ClientSimTrace implements LineParser {

    private final String source;
    private Instant last;

    ClientSimTrace(String source) {
        this.source = source;
    }

    /**
     * An event of a trace: an exchange (nested or flat, with a method and a URL), a log line (a
     * phase, or a level with a message) or the verdict. Other one-line JSON, such as a client's
     * configuration quoted in a README, is not one.
     */
    static boolean recognizes(String line) {
        String s = line.strip();
        if (!s.startsWith("{")
                || !(s.contains("\"exchange\"")
                        || s.contains("\"phase\"")
                        || s.contains("\"url\"")
                        || s.contains("\"type\""))) {
            return false;
        }
        JsonNode node = parse(s);
        if (node == null || !node.isObject()) {
            return false;
        }
        JsonNode exchange = node.path("exchange");
        return (exchange.isObject() && exchange.has("url") && exchange.has("method"))
                || (node.has("url") && node.has("method"))
                || node.has("phase")
                || (node.has("level") && node.has("message"))
                || "verdict".equals(node.path("type").asText());
    }

    @Override
    public List<Event> parse(String line, long number) {
        JsonNode node = parse(line.strip());
        if (node == null || !node.isObject()) {
            return List.of();
        }
        Instant at = time(text(node, "time", "at", "timestamp"));
        at = at == null ? last : at;
        last = at;
        Map<String, String> fields = new LinkedHashMap<>();
        putIfPresent(fields, "phase", text(node, "phase"));
        putIfPresent(fields, "client", text(node, "profile", "client"));
        putIfPresent(fields, "client_version", text(node, "clientVersion", "client_version"));
        JsonNode exchange =
                node.has("exchange") && node.get("exchange").isObject()
                        ? node.get("exchange")
                        : node;
        if (exchange.has("url") && exchange.has("method")) {
            readExchange(exchange, fields);
            return List.of(event(number, at, Event.Kind.EXCHANGE, fields, line));
        }
        putIfPresent(fields, "level", text(node, "level"));
        String message = text(node, "message");
        if ("verdict".equals(text(node, "type"))) {
            message = "client-sim verdict " + text(node, "verdict") + ": " + text(node, "reason");
        }
        fields.put("message", message == null ? "" : message);
        if (message != null) {
            var restart = RestartMarker.parse(message, source, number, at, line);
            if (restart.isPresent()) {
                return List.of(restart.get());
            }
        }
        return List.of(event(number, at, Event.Kind.MESSAGE, fields, line));
    }

    private static void readExchange(JsonNode x, Map<String, String> fields) {
        fields.put("method", x.path("method").asText());
        fields.put("url", x.path("url").asText());
        if (x.path("status").asInt() > 0) {
            fields.put("status", x.path("status").asText());
        }
        JsonNode requestHeaders =
                x.has("request_headers") ? x.get("request_headers") : x.path("requestHeaders");
        JsonNode responseHeaders =
                x.has("response_headers") ? x.get("response_headers") : x.path("responseHeaders");
        String agent = header(requestHeaders, "user-agent");
        if (agent != null && !fields.containsKey("client")) {
            VsCodeLog.putClient(agent, fields);
        }
        String auth = header(requestHeaders, "authorization");
        fields.put("authorization", auth == null ? "none" : "sent");
        if (auth != null) {
            String value = auth.replaceFirst("(?i)^bearer\\s+", "").strip();
            if (value.startsWith("fp:")) {
                fields.put("token", value);
            } else if (!value.isEmpty() && !value.equals("***") && !value.startsWith("<")) {
                fields.put("token", Secrets.fingerprint(value));
                int dot = value.indexOf('.');
                if (dot > 0) {
                    fields.put("token_instance", value.substring(0, dot));
                }
            }
        }
        putIfPresent(fields, "body", text(x, "request_body", "requestBody"));
        String challenge = header(responseHeaders, "www-authenticate");
        if (fields.containsKey("status")) {
            fields.put("challenge", challenge == null ? "absent" : challenge);
        }
        if (challenge != null) {
            BearerChallenge.parse(challenge)
                    .map(BearerChallenge::scope)
                    .ifPresent(s -> fields.put("scope", s));
        }
        putIfPresent(fields, "response_body", text(x, "response_body", "responseBody"));
        if ("browser".equals(text(x, "actor"))) {
            fields.put("via", "browser");
        }
        putIfPresent(fields, "error", x.path("error").asText(null));
    }

    /** A header's first value; header maps hold a string or a list of strings per name. */
    private static String header(JsonNode headers, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                JsonNode v = e.getValue();
                return v.isArray() ? (v.isEmpty() ? null : v.get(0).asText()) : v.asText();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && !v.isNull()) {
                return v.asText();
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(name, value);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Event event(
            long number, Instant at, Event.Kind kind, Map<String, String> fields, String raw) {
        return new Event(source, number, at, Event.Party.CLIENT, kind, fields, raw);
    }
}
