package dev.mcpauth.store;

import java.time.Instant;

/**
 * An authorization code (RFC 6749 section 4.1.2) with what the token request must match: the
 * client, the exact redirect URI, the PKCE challenge (RFC 7636 section 4.4) and the resource (RFC
 * 8707). Every token issued from it carries its {@code grantId}, so a replayed code can revoke
 * them.
 */
public record AuthorizationCode(
        String codeHash,
        String clientId,
        String grantId,
        String redirectUri,
        String codeChallenge,
        String scope,
        String resource,
        Instant issuedAt,
        Instant expiresAt,
        Instant usedAt) {

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
