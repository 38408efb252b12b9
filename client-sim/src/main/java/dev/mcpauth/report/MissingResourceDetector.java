package dev.mcpauth.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Authorization or token requests without the RFC 8707 {@code resource} parameter, and the tokens
 * that come of them: audience the client id rather than the MCP server.
 */
final class MissingResourceDetector implements Detector {

    private final Finding.Collector evidence = new Finding.Collector();
    private final List<String> without = new ArrayList<>();
    private String resource;
    private String audience;

    @Override
    public void accept(Event e) {
        if (e.kind() == Event.Kind.DOCUMENT) {
            document(e);
        } else if (Detector.isAuthorize(e) && !"browser".equals(e.field("via"))) {
            check(e, e.field("url"), "authorize");
        } else if (Detector.isToken(e) && e.field("body") != null) {
            check(e, e.field("body"), "token");
        } else if (e.kind() == Event.Kind.DECISION
                && e.field("reason") != null
                && e.field("reason").endsWith("_without_resource")) {
            note("authorize");
            evidence.add(e, "the server granted an authorization request without resource");
        }
    }

    private void check(Event e, String request, String step) {
        if (request == null || !request.contains("client_id") && !request.contains("grant_type")) {
            return;
        }
        if (!request.contains("resource=")) {
            note(step);
            evidence.add(e, "the " + step + " request carries no resource parameter");
        }
    }

    private void note(String step) {
        if (!without.contains(step)) {
            without.add(step);
        }
    }

    private void document(Event e) {
        String body = e.field("body");
        if (e.has("document", "protected_resource_metadata")) {
            JsonNode doc = parse(body);
            resource = doc == null ? null : doc.path("resource").asText(null);
        } else if (e.has("document", "access_token")) {
            JsonNode claims = claims(body);
            if (claims != null && claims.has("aud")) {
                audience = claims.get("aud").toString().replace("\"", "");
                String azp = claims.path("azp").asText(claims.path("client_id").asText(""));
                if (audience.equals(azp) || (resource != null && !audience.contains(resource))) {
                    evidence.add(
                            e,
                            "the token's aud is '"
                                    + audience
                                    + "'"
                                    + (audience.equals(azp) ? ", the client id" : "")
                                    + ", not the MCP server");
                }
            }
        }
    }

    /** The claims of a JWT, read without checking its signature: only the audience matters. */
    private static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1]);
            return parse(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : Json.mapper().readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public List<Finding> findings() {
        if (without.isEmpty()) {
            return List.of();
        }
        String which =
                without.size() == 2
                        ? "authorize and token requests carry"
                        : without.get(0) + " request carries";
        String verdict =
                which
                        + " no 'resource' parameter although MCP 2025-06-18 requires it in both"
                        + (audience != null ? "; the token's aud is '" + audience + "'" : "")
                        + (resource != null ? ", not '" + resource + "'" : "")
                        + ": a client-side bug, not a server misconfiguration";
        return List.of(new Finding(KnownProblem.MISSING_RESOURCE, verdict, evidence.lines()));
    }
}
