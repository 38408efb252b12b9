package dev.mcpauth.client.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.protocol.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * VS Code's "MCP: {label}" output channel at trace level: {@code YYYY-MM-DD HH:MM:SS.mmm [level]
 * message}, each HTTP exchange as a {@code Fetching {url} with options: {json}} line (the
 * Authorization header shown as {@code "***"}) and a {@code Fetched {url}: {json}} line with
 * lower-case response header names, as extHostMcp.ts {@code _fetch} writes them. The requests of
 * the auth provider and the browser do not appear there; the provider's "Auth" channel lines do.
 */
public final class VsCodeLogFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private VsCodeLogFormat() {}

    public static List<String> lines(TraceEvent event) {
        String prefix = TIME.format(event.time()) + " [";
        if (event.exchange() == null) {
            return List.of(prefix + event.level().label() + "] " + event.message());
        }
        HttpExchange x = event.exchange();
        if (!HttpExchange.CLIENT.equals(x.actor())) {
            // Registration, the token endpoint and the browser are not in the MCP channel.
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(prefix + "trace] Fetching " + x.url() + " with options: " + options(x));
        if (x.status() > 0) {
            lines.add(
                    TIME.format(x.start().plusMillis(x.millis()))
                            + " [trace] Fetched "
                            + x.url()
                            + ": "
                            + fetched(x));
        }
        return lines;
    }

    private static String options(HttpExchange x) {
        ObjectNode init = Json.mapper().createObjectNode();
        init.put("method", x.method());
        ObjectNode headers = init.putObject("headers");
        x.requestHeaders()
                .forEach(
                        (name, values) ->
                                headers.put(
                                        name,
                                        Redaction.isCredentialHeader(name)
                                                ? "***"
                                                : String.join(", ", values)));
        if (x.requestBody() != null && !x.requestBody().isEmpty()) {
            init.put("body", Redaction.text(x.requestBody()));
        }
        return Json.write(init);
    }

    private static String fetched(HttpExchange x) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("status", x.status());
        ObjectNode headers = out.putObject("headers");
        for (Map.Entry<String, List<String>> e : x.responseHeaders().entrySet()) {
            if (e.getKey().startsWith(":")) {
                continue;
            }
            headers.put(
                    e.getKey().toLowerCase(Locale.ROOT),
                    Redaction.text(String.join(", ", e.getValue())));
        }
        return Json.write(out);
    }
}
