package dev.mcpauth.store;

import dev.mcpauth.token.Secrets;
import java.time.Instant;

/**
 * An access or refresh token as stored: its hash, never the token. A refresh token is used once;
 * the rotation that uses it sets {@code usedAt} (OAuth 2.1 section 4.3.1).
 */
public record IssuedToken(
        String tokenHash,
        Kind kind,
        String clientId,
        String grantId,
        String scope,
        String resource,
        long instanceId,
        Instant issuedAt,
        Instant expiresAt,
        Instant usedAt,
        Instant revokedAt) {

    /** What the token is for. */
    public enum Kind {
        ACCESS,
        REFRESH
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && usedAt == null && now.isBefore(expiresAt);
    }

    public String fingerprint() {
        return Secrets.fingerprintOfHash(tokenHash);
    }

    public IssuedToken revoked(Instant at) {
        return new IssuedToken(
                tokenHash,
                kind,
                clientId,
                grantId,
                scope,
                resource,
                instanceId,
                issuedAt,
                expiresAt,
                usedAt,
                revokedAt == null ? at : revokedAt);
    }

    public IssuedToken used(Instant at) {
        return new IssuedToken(
                tokenHash,
                kind,
                clientId,
                grantId,
                scope,
                resource,
                instanceId,
                issuedAt,
                expiresAt,
                at,
                revokedAt);
    }
}
