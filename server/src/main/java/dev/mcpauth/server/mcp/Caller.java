package dev.mcpauth.server.mcp;

import dev.mcpauth.store.IssuedToken;

/**
 * Who is calling: the stored record of the caller's access token, or nobody when the server runs
 * with authorization off.
 */
public record Caller(IssuedToken token) {

    public static Caller anonymous() {
        return new Caller(null);
    }

    public boolean isAnonymous() {
        return token == null;
    }

    /** The client a session is bound to; sessions of anonymous callers are bound to nobody. */
    public String clientId() {
        return token == null ? "" : token.clientId();
    }
}
