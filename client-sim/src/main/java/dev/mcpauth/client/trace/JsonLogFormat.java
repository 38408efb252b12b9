package dev.mcpauth.client.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.protocol.Json;
import java.util.List;
import java.util.Map;

/** One JSON object per event and line, secrets fingerprinted, bodies cut at 4000 characters. */
public final class JsonLogFormat {

    private static final int MAX_BODY = 4000;

    private JsonLogFormat() {}

    public static String line(String profile, TraceEvent event) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("time", event.time().toString());
        out.put("profile", profile);
        out.put("phase", event.phase());
        if (event.exchange() == null) {
            out.put("type", "log");
            out.put("level", event.level().label());
            out.put("message", event.message());
            return Json.write(out);
        }
        HttpExchange x = event.exchange();
        out.put("type", "http");
        out.put("actor", x.actor());
        out.put("method", x.method());
        out.put("url", Redaction.text(x.url()));
        headers(out.putObject("request_headers"), x.requestHeaders());
        body(out, "request_body", x.requestBody());
        if (x.status() > 0) {
            out.put("status", x.status());
            headers(out.putObject("response_headers"), x.responseHeaders());
            body(out, "response_body", x.responseBody());
        } else {
            out.put("error", x.error());
        }
        out.put("ms", x.millis());
        return Json.write(out);
    }

    private static void headers(ObjectNode node, Map<String, List<String>> headers) {
        if (headers == null) {
            return;
        }
        headers.forEach(
                (name, values) -> {
                    if (name.startsWith(":")) {
                        return;
                    }
                    String value = String.join(", ", values);
                    node.put(
                            name,
                            Redaction.isCredentialHeader(name)
                                    ? Redaction.authorization(value)
                                    : Redaction.text(value));
                });
    }

    private static void body(ObjectNode out, String field, String body) {
        if (body == null || body.isEmpty()) {
            return;
        }
        String redacted = Redaction.text(body);
        out.put(
                field,
                redacted.length() > MAX_BODY ? redacted.substring(0, MAX_BODY) + "..." : redacted);
    }
}
