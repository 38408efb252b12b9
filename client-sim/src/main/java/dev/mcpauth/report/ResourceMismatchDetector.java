package dev.mcpauth.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource metadata whose {@code resource} is not the URL the client connects to (RFC 9728 section
 * 3.3), from VS Code's error message or from the captured document.
 */
final class ResourceMismatchDetector implements Detector {

    private static final Pattern VSCODE =
            Pattern.compile(
                    "Protected Resource Metadata resource \"([^\"]+)\" does not match MCP server"
                            + " resolved resource \"([^\"]+)\"");
    private static final Pattern TARGET =
            Pattern.compile(
                    "resource (\\S+) does not match target server url (\\S+)",
                    Pattern.CASE_INSENSITIVE);

    private final Finding.Collector evidence = new Finding.Collector();
    private String advertised;
    private String used;

    @Override
    public void accept(Event e) {
        if (e.kind() == Event.Kind.MESSAGE) {
            Matcher m = VSCODE.matcher(e.message());
            Matcher t = TARGET.matcher(e.message());
            if (m.find()) {
                found(e, m.group(1), m.group(2));
            } else if (t.find()) {
                found(e, t.group(1), t.group(2));
            }
        } else if (e.kind() == Event.Kind.DOCUMENT
                && e.has("document", "protected_resource_metadata")
                && e.field("mcp_url") != null) {
            String resource = resource(e.field("body"));
            if (resource != null && !resource.equals(e.field("mcp_url"))) {
                found(e, resource, e.field("mcp_url"));
            }
        }
    }

    private void found(Event e, String metadata, String url) {
        advertised = metadata;
        used = url;
        evidence.add(e, "resource metadata names " + metadata + ", the client uses " + url);
    }

    private static String resource(String body) {
        try {
            JsonNode doc = Json.mapper().readTree(body);
            return doc == null ? null : doc.path("resource").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public List<Finding> findings() {
        if (advertised == null) {
            return List.of();
        }
        String difference;
        if ((advertised + "/").equals(used)) {
            difference =
                    "; the only difference is a trailing '/' on the configured URL (the client"
                            + " has "
                            + used
                            + ", the metadata says "
                            + advertised
                            + "). User workaround: drop the slash in the client's configuration"
                            + " (mcp.json). Server fix: return a resource equal to the URL"
                            + " clients are told to use";
        } else if ((used + "/").equals(advertised)) {
            difference = "; the only difference is a trailing '/' on the metadata's resource";
        } else {
            difference = ": the metadata says " + advertised + ", the client uses " + used;
        }
        String verdict = "RFC 9728 section 3.3 resource mismatch" + difference;
        return List.of(new Finding(KnownProblem.RESOURCE_MISMATCH, verdict, evidence.lines()));
    }
}
