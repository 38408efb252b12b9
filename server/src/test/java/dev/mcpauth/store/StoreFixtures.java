package dev.mcpauth.store;

import java.time.Duration;
import java.time.Instant;

/** Records the store tests save, with only what a test cares about as parameters. */
final class StoreFixtures {

    private StoreFixtures() {}

    /**
     * An access token of client {@code c} and grant {@code g}, issued an hour before it expires.
     */
    static IssuedToken accessToken(String hash, Instant expiresAt) {
        return new IssuedToken(
                hash,
                IssuedToken.Kind.ACCESS,
                "c",
                "g",
                "mcp",
                "r",
                1L,
                expiresAt.minus(Duration.ofHours(1)),
                expiresAt,
                null,
                null);
    }
}
