package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.check.MetadataLookup;
import dev.mcpauth.protocol.WellKnown;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Checks the protected resource metadata document an MCP server publishes (RFC 9728). */
final class ResourceMetadataChecks {

    private static final String RESOURCE_SPEC = "RFC 9728 section 3.3";

    private ResourceMetadataChecks() {}

    static List<Finding> check(URI mcpUrl, URI foundAt, JsonNode prm, List<URI> tried) {
        List<Finding> out = new ArrayList<>();
        out.add(location(mcpUrl, foundAt, prm));
        out.addAll(
                KnownMembers.unknown(
                        prm,
                        KnownMembers.RESOURCE,
                        Step.RESOURCE_METADATA,
                        "the resource metadata"));
        checkResource(mcpUrl, MetadataLookup.text(prm, "resource"), out);
        JsonNode servers = prm.get("authorization_servers");
        if (servers == null || !servers.isArray() || servers.isEmpty()) {
            out.add(
                    Finding.error(
                                    Step.RESOURCE_METADATA,
                                    "authorization-servers-missing",
                                    "MCP 2025-11-25 Authorization; RFC 9728 section 2",
                                    "the resource metadata names no authorization_servers, so"
                                            + " clients cannot find where to log in")
                            .fix("add \"authorization_servers\": [\"<issuer URL>\"]"));
        } else {
            servers.forEach(s -> insecure(s.asText(), "authorization_servers entry", out));
        }
        boolean rootOnly =
                foundAt.equals(WellKnown.root(mcpUrl, WellKnown.PROTECTED_RESOURCE))
                        && !WellKnown.trimmedPath(mcpUrl).isEmpty();
        if (rootOnly) {
            URI inserted = WellKnown.pathInserted(mcpUrl, WellKnown.PROTECTED_RESOURCE);
            out.add(
                    Finding.warning(
                                    Step.RESOURCE_METADATA,
                                    "prm-location",
                                    "RFC 9728 section 3.1",
                                    "metadata for a resource with path '"
                                            + WellKnown.trimmedPath(mcpUrl)
                                            + "' belongs at "
                                            + inserted
                                            + " (path-inserted); it was found only at the root"
                                            + " URL, and the 401 resource_metadata should point"
                                            + " there")
                            .evidence("tried " + tried)
                            .fix("serve the document at " + inserted + " and name it in the 401"));
        }
        return out;
    }

    private static Finding location(URI mcpUrl, URI foundAt, JsonNode prm) {
        return Finding.info(
                        Step.RESOURCE_METADATA,
                        "prm-found",
                        "RFC 9728 section 3",
                        "resource metadata found at "
                                + foundAt
                                + "; it names authorization server(s) "
                                + prm.path("authorization_servers"))
                .evidence("resource: " + prm.path("resource"));
    }

    private static void checkResource(URI mcpUrl, String resource, List<Finding> out) {
        String expected = mcpUrl.toString();
        if (resource == null) {
            out.add(
                    Finding.error(
                                    Step.RESOURCE_METADATA,
                                    "resource-missing",
                                    "RFC 9728 section 2",
                                    "the resource metadata has no resource member (REQUIRED)")
                            .fix("add \"resource\": \"" + expected + "\""));
            return;
        }
        insecure(resource, "resource", out);
        if (resource.equals(expected)) {
            return;
        }
        boolean slashOnly = strip(resource).equals(strip(expected));
        String note =
                slashOnly
                        ? "; the only difference is a trailing '/'. VS Code and the Python SDK"
                                + " refuse the document"
                        : "";
        out.add(
                Finding.error(
                                Step.RESOURCE_METADATA,
                                "resource-mismatch",
                                RESOURCE_SPEC,
                                "prm.resource '"
                                        + resource
                                        + "' != MCP URL '"
                                        + expected
                                        + "'"
                                        + note)
                        .evidence("resource: " + resource + ", MCP URL: " + expected)
                        .fix(
                                "return a resource equal to the URL clients are told to use ("
                                        + expected
                                        + "), including the transport path"
                                        + (slashOnly
                                                ? ", or have users configure the URL without"
                                                        + " the slash"
                                                : "")));
    }

    static void insecure(String url, String what, List<Finding> out) {
        if (Documents.insecure(url)) {
            out.add(
                    Finding.error(
                                    Step.RESOURCE_METADATA,
                                    "insecure-url",
                                    "OAuth 2.1 section 1.5; MCP 2025-11-25 Communication Security",
                                    what + " " + url + " is plain http on a non-loopback host")
                            .fix("serve it over https"));
        }
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
