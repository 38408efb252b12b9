package dev.mcpauth.client.profile;

import dev.mcpauth.protocol.WellKnown;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a client looks for the authorization server metadata (RFC 8414 section 3.1, OpenID Connect
 * Discovery 1.0 section 4, MCP 2025-11-25 "Authorization Server Metadata Discovery"), in order.
 */
public enum AuthorizationServerOrder {
    /**
     * VS Code: RFC 8414 path-inserted, OIDC path-inserted, OIDC appended, always all three; for a
     * root authorization server the last two are the same URL, fetched twice.
     */
    VSCODE,
    /**
     * The specification's order, used by the TS SDK, the Python SDK and the spec profile: a root
     * issuer gets RFC 8414 then OIDC; an issuer with a path gets the three forms.
     */
    SPECIFICATION,
    /**
     * Python SDK 1.29 when the resource metadata names no authorization server: only {@code
     * {origin}/.well-known/oauth-authorization-server} (the 2025-03-26 rule), then the
     * specification's order otherwise.
     */
    PYTHON_SDK;

    /**
     * The metadata URLs to try for an authorization server URL.
     *
     * @param fromResourceMetadata whether the URL came from {@code authorization_servers}, rather
     *     than being the MCP origin taken as a fallback
     */
    public List<URI> urls(URI asUrl, boolean fromResourceMetadata) {
        String path = WellKnown.trimmedPath(asUrl);
        List<URI> urls = new ArrayList<>();
        if (this == PYTHON_SDK && !fromResourceMetadata) {
            urls.add(WellKnown.root(asUrl, WellKnown.AUTHORIZATION_SERVER));
            return urls;
        }
        urls.add(WellKnown.pathInserted(asUrl, WellKnown.AUTHORIZATION_SERVER));
        urls.add(WellKnown.pathInserted(asUrl, WellKnown.OPENID_CONFIGURATION));
        if (this == VSCODE || !path.isEmpty()) {
            urls.add(WellKnown.appended(asUrl, WellKnown.OPENID_CONFIGURATION));
        }
        return urls;
    }
}
