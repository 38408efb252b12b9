package dev.mcpauth.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Bearer} challenge in {@code WWW-Authenticate}: RFC 6750 section 3 for {@code error},
 * {@code error_description} and {@code scope}, RFC 9728 section 5.1 for {@code resource_metadata}.
 * The {@code error} attribute belongs only on responses to requests that carried a token (RFC 6750
 * section 3.1).
 */
public record BearerChallenge(
        String resourceMetadata, String scope, String error, String errorDescription) {

    public static final String SCHEME = "Bearer";

    public static BearerChallenge of(String resourceMetadata, String scope) {
        return new BearerChallenge(resourceMetadata, scope, null, null);
    }

    public BearerChallenge withError(String code, String description) {
        return new BearerChallenge(resourceMetadata, scope, code, description);
    }

    /** The header value, parameters quoted and escaped as RFC 9110 section 5.6.4 requires. */
    public String toHeaderValue() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("resource_metadata", resourceMetadata);
        params.put("scope", scope);
        params.put("error", error);
        params.put("error_description", errorDescription);
        List<String> parts = new ArrayList<>();
        params.forEach(
                (name, value) -> {
                    if (value != null) {
                        parts.add(name + "=" + AuthChallenges.quote(value));
                    }
                });
        return parts.isEmpty() ? SCHEME : SCHEME + " " + String.join(", ", parts);
    }

    /**
     * The first {@code Bearer} challenge of a header value; the scheme name is case-insensitive.
     */
    public static Optional<BearerChallenge> parse(String headerValue) {
        return AuthChallenges.parse(headerValue).stream()
                .filter(c -> c.scheme().equalsIgnoreCase(SCHEME))
                .findFirst()
                .map(
                        c ->
                                new BearerChallenge(
                                        c.first("resource_metadata"),
                                        c.first("scope"),
                                        c.first("error"),
                                        c.first("error_description")));
    }
}
