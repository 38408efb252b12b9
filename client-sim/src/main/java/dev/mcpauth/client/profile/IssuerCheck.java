package dev.mcpauth.client.profile;

import java.util.Optional;

/**
 * Whether a client compares the metadata's {@code issuer} with the authorization server URL it
 * built the well-known URL from (RFC 8414 section 3.3).
 */
public enum IssuerCheck {
    /** VS Code, TS SDK v1, Python SDK 1.29: {@code issuer} must be present, nothing more. */
    PRESENT,
    /** TS SDK v2: equal, a single trailing slash difference tolerated (IssuerMismatchError). */
    EQUAL_IGNORING_TRAILING_SLASH,
    /** The 2026-07-28 rule and RFC 8414 section 3.3: byte-identical. */
    IDENTICAL;

    /** Why metadata with {@code issuer} fetched for {@code asUrl} must be rejected, or empty. */
    public Optional<String> problem(String asUrl, String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.of("the authorization server metadata has no issuer");
        }
        boolean ok =
                switch (this) {
                    case PRESENT -> true;
                    case EQUAL_IGNORING_TRAILING_SLASH -> trim(issuer).equals(trim(asUrl));
                    case IDENTICAL -> issuer.equals(asUrl);
                };
        return ok
                ? Optional.empty()
                : Optional.of(
                        "issuer "
                                + issuer
                                + " is not the authorization server URL "
                                + asUrl
                                + " (RFC 8414 section 3.3)");
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
