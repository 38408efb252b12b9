package dev.mcpauth.client.trace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its response as the simulated client saw them. Headers keep their order and
 * the names as sent; {@code status} is 0 when no response came ({@code error} says why). Secrets
 * are still in here: renderers redact them. {@code actor} tells who sent it.
 */
public record HttpExchange(
        Instant start,
        String method,
        String url,
        Map<String, List<String>> requestHeaders,
        String requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        String responseBody,
        long millis,
        String error,
        String actor) {

    /** The client's own requests: MCP and metadata discovery. */
    public static final String CLIENT = "client";

    /** The client's OAuth requests: registration and the token endpoint. */
    public static final String AUTH = "auth";

    /** The person's browser: the authorization endpoint and the consent page. */
    public static final String BROWSER = "browser";

    public String responseHeader(String name) {
        if (responseHeaders == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    public boolean carriedToken() {
        return requestHeaders.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase);
    }
}
