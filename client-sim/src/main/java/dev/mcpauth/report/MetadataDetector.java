package dev.mcpauth.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Authorization server metadata problems seen in captured documents, traced responses or client
 * error messages: an {@code issuer} that differs from the URL it was fetched for (RFC 8414 section
 * 3.3) and PKCE S256 not advertised.
 */
final class MetadataDetector implements Detector {

    private final Finding.Collector issuerEvidence = new Finding.Collector();
    private final Finding.Collector pkceEvidence = new Finding.Collector();
    private String issuerVerdict;
    private String pkceVerdict;
    private String authorizationServer;

    @Override
    public void accept(Event e) {
        String message = e.kind() == Event.Kind.MESSAGE ? e.message() : "";
        if (message.contains("IssuerMismatch")
                || message.toLowerCase().contains("issuer mismatch")) {
            issuer(e, "the client rejects the metadata: " + message);
        } else if (message.contains("code challenge method")
                || message.contains("does not support S256")) {
            pkce(e, "the client refuses the authorization server: " + message);
        }
        String body = metadataBody(e);
        if (body == null) {
            return;
        }
        JsonNode doc = parse(body);
        if (doc == null || !doc.isObject()) {
            return;
        }
        if (doc.has("authorization_servers") && doc.get("authorization_servers").isArray()) {
            authorizationServer = doc.get("authorization_servers").path(0).asText(null);
        } else if (doc.has("issuer")) {
            checkIssuer(e, doc.get("issuer").asText());
            checkPkce(e, doc.get("code_challenge_methods_supported"));
        }
    }

    private void checkIssuer(Event e, String issuer) {
        if (authorizationServer != null && !issuer.equals(authorizationServer)) {
            issuer(
                    e,
                    "issuer "
                            + issuer
                            + " differs from the authorization server URL "
                            + authorizationServer);
        }
    }

    private void checkPkce(Event e, JsonNode methods) {
        List<String> listed = new ArrayList<>();
        if (methods != null && methods.isArray()) {
            methods.forEach(m -> listed.add(m.asText()));
        }
        if (!listed.contains("S256")) {
            pkce(
                    e,
                    listed.isEmpty()
                            ? "code_challenge_methods_supported is missing"
                            : "code_challenge_methods_supported is " + listed + ", without S256");
        } else if (listed.contains("plain")) {
            pkce(e, "code_challenge_methods_supported also offers plain");
        }
    }

    private void issuer(Event e, String note) {
        issuerVerdict = issuerVerdict == null ? note : issuerVerdict;
        issuerEvidence.add(e, note);
    }

    private void pkce(Event e, String note) {
        pkceVerdict = pkceVerdict == null ? note : pkceVerdict;
        pkceEvidence.add(e, note);
    }

    private static String metadataBody(Event e) {
        if (e.kind() == Event.Kind.DOCUMENT) {
            return e.field("body");
        }
        if (e.kind() == Event.Kind.EXCHANGE && e.path().contains("/.well-known/")) {
            String body = e.field("response_body");
            return body != null ? body : e.field("body");
        }
        return null;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public List<Finding> findings() {
        List<Finding> found = new ArrayList<>();
        if (issuerVerdict != null) {
            found.add(
                    new Finding(
                            KnownProblem.ISSUER_MISMATCH,
                            issuerVerdict + ": strict clients reject the metadata",
                            issuerEvidence.lines()));
        }
        if (pkceVerdict != null) {
            found.add(
                    new Finding(
                            KnownProblem.PKCE_NOT_ADVERTISED,
                            pkceVerdict + ": MCP clients must refuse to proceed without S256",
                            pkceEvidence.lines()));
        }
        return found;
    }
}
