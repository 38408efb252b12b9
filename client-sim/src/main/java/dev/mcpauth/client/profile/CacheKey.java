package dev.mcpauth.client.profile;

import java.net.URI;

/** How a client keys its stored registration and tokens. */
public enum CacheKey {
    /**
     * VS Code's dynamic auth provider id: {@code "<authorization server URL> <PRM resource>"}, the
     * URL from {@code authorization_servers[0]} (or the MCP origin), never the metadata issuer.
     */
    VSCODE_PROVIDER,
    /** An SDK app's storage for one server URL (mcp-remote hashes the URL the same way). */
    SERVER_URL,
    /**
     * One storage per server URL whose entries are stamped with the issuer; an entry with another
     * issuer is discarded (TS SDK v2, SEP-2352).
     */
    SERVER_URL_ISSUER_BOUND;

    /** The key, before discovery ({@code asUrl} and {@code resource} null) or after it. */
    public String key(URI mcpUrl, String asUrl, String resource) {
        if (this != VSCODE_PROVIDER) {
            return mcpUrl.toString();
        }
        if (asUrl == null) {
            return null;
        }
        return resource == null ? asUrl : asUrl + " " + resource;
    }

    /** Whether the key is known before any discovery, so the first request can carry a token. */
    public boolean knownBeforeDiscovery() {
        return this != VSCODE_PROVIDER;
    }

    public boolean bindsIssuer() {
        return this == SERVER_URL_ISSUER_BOUND;
    }
}
