package dev.mcpauth.client.oauth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tokens as a client stores them: the token response (RFC 6749 section 5.1) with the time it came
 * and the scopes it was asked for, which is how VS Code matches sessions.
 *
 * @param expiresAt when the access token expires, or null when the server gave no {@code
 *     expires_in}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StoredTokens(
        String accessToken,
        String refreshToken,
        String scope,
        String requestedScope,
        Instant createdAt,
        Instant expiresAt,
        String issuer) {

    /** The requested scopes as a sorted set, the key of VS Code's session lookup. */
    public Set<String> requestedScopes() {
        return scopeSet(requestedScope);
    }

    public static Set<String> scopeSet(String scope) {
        Set<String> out = new TreeSet<>();
        if (scope != null) {
            Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank()).forEach(out::add);
        }
        return out;
    }

    public boolean expiresWithin(java.time.Duration margin, Instant now) {
        return expiresAt != null && now.plus(margin).isAfter(expiresAt);
    }
}
