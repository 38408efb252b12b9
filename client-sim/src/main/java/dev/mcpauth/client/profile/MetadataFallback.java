package dev.mcpauth.client.profile;

/** What a client does when no authorization server metadata could be read. */
public enum MetadataFallback {
    /** VS Code: {@code /authorize}, {@code /token}, {@code /register} on the MCP origin. */
    DEFAULT_ENDPOINTS_ON_MCP_ORIGIN,
    /** TS and Python SDKs: the same three paths on the authorization server's origin. */
    DEFAULT_ENDPOINTS_ON_AS_ORIGIN,
    /** The spec profile refuses: without metadata it cannot check PKCE support. */
    REFUSE
}
