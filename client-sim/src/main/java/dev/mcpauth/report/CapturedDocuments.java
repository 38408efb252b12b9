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
                && (root.has("mcp_url")
                        || root.has("protected_resource_metadata")
                        || root.has("authorize_request")
                        || root.has("authorization_server_metadata"));
    }

    static List<Event> read(String source, String text) throws IOException {
        JsonNode root = Json.mapper().readTree(text);
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
