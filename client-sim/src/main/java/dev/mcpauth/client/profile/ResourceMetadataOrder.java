package dev.mcpauth.client.profile;

import dev.mcpauth.protocol.WellKnown;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a client looks for the protected resource metadata (RFC 9728 section 3.1, MCP 2025-11-25
 * Authorization, "Protected Resource Metadata Discovery Requirements"), in the order it tries.
 */
public enum ResourceMetadataOrder {
    /**
     * With a {@code resource_metadata} challenge only that URL; without one the path-inserted URL
     * (when the path is not {@code /}), then the root URL. VS Code oauth.ts at 05f882b0, TS SDK v1
     * and v2.
     */
    HEADER_ONLY_ELSE_WELL_KNOWN,
    /**
     * The challenge URL first, then the path-inserted and the root URL as fallbacks. Newest VS Code
     * (PR 282961), Python SDK 1.29, and what the specification asks.
     */
    HEADER_THEN_WELL_KNOWN;

    /** The URLs to try, in order, for an MCP endpoint and the challenge's URL (may be null). */
    public List<URI> urls(URI mcpUrl, URI challengeUrl) {
        List<URI> urls = new ArrayList<>();
        if (challengeUrl != null) {
            urls.add(challengeUrl);
            if (this == HEADER_ONLY_ELSE_WELL_KNOWN) {
                return urls;
            }
        }
        URI root = WellKnown.root(mcpUrl, WellKnown.PROTECTED_RESOURCE);
        if (!WellKnown.trimmedPath(mcpUrl).isEmpty()) {
            addOnce(urls, WellKnown.pathInserted(mcpUrl, WellKnown.PROTECTED_RESOURCE));
        }
        addOnce(urls, root);
        return urls;
    }

    private static void addOnce(List<URI> urls, URI url) {
        if (!urls.contains(url)) {
            urls.add(url);
        }
    }
}
