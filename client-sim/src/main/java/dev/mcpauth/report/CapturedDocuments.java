package dev.mcpauth.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object holding what was captured around a failure: {@code mcp_url}, the metadata
 * documents ({@code protected_resource_metadata}, {@code authorization_server_metadata}), the
 * requests as sent ({@code authorize_request}: "GET url", {@code token_request_body}), the {@code
 * access_token} and the server's answer ({@code mcp_server_response}). Members starting with {@code
 * _} and {@code expected} are notes for people and are not read.
 */
final class CapturedDocuments {

    static final int MAX_BYTES = 8 * 1024 * 1024;

    private CapturedDocuments() {}

    static boolean recognizes(JsonNode root) {
        return root.isObject()
                && (isSnapshot(root)
                        || root.has("mcp_url")
                        || root.has("protected_resource_metadata")
                        || root.has("authorize_request")
                        || root.has("authorization_server_metadata"));
    }

    /** A {@code discover --save} snapshot: the documents, the probes and the findings. */
    static boolean isSnapshot(JsonNode root) {
        return root.isObject() && root.has("url") && root.has("probes") && root.has("findings");
    }

    static List<Event> read(String source, String text) throws IOException {
        JsonNode root = Json.mapper().readTree(text);
        if (isSnapshot(root)) {
            return readSnapshot(source, text, root);
        }
        List<Event> events = new ArrayList<>();
        String mcpUrl = root.path("mcp_url").asText(null);
        for (String name :
                List.of("protected_resource_metadata", "authorization_server_metadata")) {
            JsonNode doc = root.get(name);
            if (doc != null && doc.isObject()) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("document", name);
                fields.put("body", doc.toString());
                if (mcpUrl != null) {
                    fields.put("mcp_url", mcpUrl);
                }
                events.add(event(source, text, name, Event.Kind.DOCUMENT, fields));
            }
        }
        String authorize = root.path("authorize_request").asText(null);
        if (authorize != null) {
            String[] parts = authorize.strip().split("\\s+", 2);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("method", parts.length == 2 ? parts[0] : "GET");
            fields.put("url", parts.length == 2 ? parts[1] : parts[0]);
            fields.put("endpoint", "authorize");
            events.add(event(source, text, "authorize_request", Event.Kind.EXCHANGE, fields));
        }
        String tokenBody = root.path("token_request_body").asText(null);
        if (tokenBody != null) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("method", "POST");
            fields.put("endpoint", "token");
            fields.put("body", tokenBody);
            events.add(event(source, text, "token_request_body", Event.Kind.EXCHANGE, fields));
        }
        String token = root.path("access_token").asText(null);
        if (token != null) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("document", "access_token");
            fields.put("body", token);
            events.add(event(source, text, "access_token", Event.Kind.DOCUMENT, fields));
        }
        String answer = root.path("mcp_server_response").asText(null);
        if (answer != null) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("message", answer);
            Event e = event(source, text, "mcp_server_response", Event.Kind.MESSAGE, fields);
            events.add(
                    new Event(
                            e.source(),
                            e.line(),
                            null,
                            Event.Party.SERVER,
                            e.kind(),
                            e.fields(),
                            e.raw()));
        }
        return events;
    }

    private static List<Event> readSnapshot(String source, String text, JsonNode root) {
        List<Event> events = new ArrayList<>();
        String url = root.path("url").asText();
        Map<String, String> names =
                Map.of(
                        "resource_metadata", "protected_resource_metadata",
                        "authorization_server_metadata", "authorization_server_metadata");
        for (String member : List.of("resource_metadata", "authorization_server_metadata")) {
            JsonNode doc = root.get(member);
            if (doc != null && doc.isObject()) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("document", names.get(member));
                fields.put("body", doc.toString());
                fields.put("mcp_url", url);
                events.add(event(source, text, member, Event.Kind.DOCUMENT, fields));
            }
        }
        String challenge = root.path("challenge").asText(null);
        for (JsonNode probe : root.path("probes")) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("method", probe.path("method").asText("GET"));
            fields.put("url", probe.path("url").asText());
            fields.put("authorization", "none");
            if (probe.path("status").asInt() > 0) {
                fields.put("status", probe.path("status").asText());
            }
            if (probe.path("status").asInt() == 401 && url.equals(fields.get("url"))) {
                fields.put("challenge", challenge == null ? "absent" : challenge);
            }
            events.add(event(source, text, "probes", Event.Kind.EXCHANGE, fields));
        }
        for (JsonNode finding : root.path("findings")) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(
                    "message",
                    "discover "
                            + finding.path("severity").asText().toLowerCase()
                            + " "
                            + finding.path("id").asText()
                            + ": "
                            + finding.path("message").asText());
            events.add(event(source, text, "findings", Event.Kind.MESSAGE, fields));
        }
        return events;
    }

    /** The event of one member, its line number and raw text taken from where it appears. */
    private static Event event(
            String source, String text, String member, Event.Kind kind, Map<String, String> f) {
        int at = text.indexOf("\"" + member + "\"");
        long line = at < 0 ? 1 : text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        String raw = at < 0 ? member : lineAt(text, at);
        return new Event(source, line, null, Event.Party.CLIENT, kind, f, raw);
    }

    private static String lineAt(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end).strip();
    }
}
