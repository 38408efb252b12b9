package dev.mcpauth.server.oauth;

import dev.mcpauth.store.RegisteredClient;
import java.util.Set;

/**
 * A checked authorization request (RFC 6749 section 4.1.1 with PKCE and RFC 8707 {@code resource}),
 * waiting for the person's decision or, with auto-approve, granted at once.
 */
record AuthorizationRequest(
        RegisteredClient client,
        String redirectUri,
        String state,
        String codeChallenge,
        Set<String> scopes,
        Set<String> ignoredScopes,
        String resource,
        boolean resourceSent) {}
