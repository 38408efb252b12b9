package dev.mcpauth.token;

import java.util.Locale;

/**
 * How the server spells the tokens it issues. {@link #INSTANCE} prefixes every token with the id of
 * the server instance that issued it, so a log line alone tells whether a rejected token predates a
 * restart; {@link #OPAQUE} is random hex, the form of the original bug report.
 */
public enum TokenFormat {
    INSTANCE("{instanceId}.{secret}: the issuing server instance is readable from the token"),
    OPAQUE("64 random hex digits, as most in-memory servers issue them");

    private final String description;

    TokenFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** A new token for the given server instance. */
    public String mint(long instanceId) {
        return switch (this) {
            case INSTANCE -> instanceId + "." + Secrets.randomUrlSafe(32);
            case OPAQUE -> Secrets.randomHex(32);
        };
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
