package dev.mcpauth.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * A 401 without {@code WWW-Authenticate}: the client cannot learn where the resource metadata is
 * and falls back to default metadata on the MCP server's own origin.
 */
final class MissingChallengeDetector implements Detector {

    private final Finding.Collector evidence = new Finding.Collector();
    private String mcpHost;
    private String authorizationServer;
    private String authorizeHost;
    private boolean bare401;
    private boolean defaults;

    @Override
    public void accept(Event e) {
        if (Detector.isMcp(e) && e.status() == 401 && e.has("challenge", "absent")) {
            bare401 = true;
            mcpHost = e.uri().map(URI::getHost).orElse(mcpHost);
            evidence.add(e, "401 without a WWW-Authenticate header");
        } else if (e.kind() == Event.Kind.MESSAGE
                && e.message().contains("Using default auth metadata")) {
            defaults = true;
            evidence.add(e, "the client falls back to default metadata on the MCP origin");
        } else if (e.kind() == Event.Kind.EXCHANGE
                && e.path().contains("oauth-protected-resource")
                && e.field("body") != null) {
            authorizationServer = firstServer(e.field("body"));
            if (authorizationServer != null) {
                evidence.add(e, "the resource metadata names " + authorizationServer);
            }
        } else if (Detector.isAuthorize(e) && (bare401 || defaults)) {
            authorizeHost = e.uri().map(URI::getHost).orElse(null);
            evidence.add(e, "the authorization request goes to " + authorizeHost);
        }
    }

    private static String firstServer(String body) {
        try {
            JsonNode doc = Json.mapper().readTree(body);
            JsonNode servers = doc == null ? null : doc.get("authorization_servers");
            return servers != null && servers.isArray() && !servers.isEmpty()
                    ? servers.get(0).asText()
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public List<Finding> findings() {
        if (!bare401 && !defaults) {
            return List.of();
        }
        StringBuilder verdict = new StringBuilder();
        verdict.append(bare401 ? "a 401 came without WWW-Authenticate" : "the client used")
                .append(defaults ? ", then 'Using default auth metadata'" : "");
        if (authorizeHost != null && authorizationServer != null) {
            String asHost = URI.create(authorizationServer).getHost();
            if (!authorizeHost.equals(asHost)) {
                verdict.append(", and /authorize went to the MCP origin ")
                        .append(authorizeHost)
                        .append(" while the resource metadata names ")
                        .append(authorizationServer);
            }
        }
        verdict.append(
                ": the client never learned the authorization server; check that the 401 keeps"
                        + " its WWW-Authenticate header through proxies and middleware");
        if (!bare401) {
            verdict.replace(0, "the client used".length(), "the client fell back to defaults");
        }
        return List.of(
                new Finding(KnownProblem.MISSING_CHALLENGE, verdict.toString(), evidence.lines()));
    }
}
