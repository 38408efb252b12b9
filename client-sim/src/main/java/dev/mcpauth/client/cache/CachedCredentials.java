package dev.mcpauth.client.cache;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.mcpauth.client.oauth.ClientCredentials;
import dev.mcpauth.client.oauth.StoredTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one client keeps for one cache key: its client registration and its token sets (VS Code
 * keeps one per requested scope set; the SDKs keep one).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CachedCredentials(ClientCredentials client, List<StoredTokens> tokens) {

    public CachedCredentials {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    public static CachedCredentials empty() {
        return new CachedCredentials(null, List.of());
    }

    @JsonIgnore
    public boolean isEmpty() {
        return client == null && tokens.isEmpty();
    }

    public CachedCredentials withClient(ClientCredentials value) {
        return new CachedCredentials(value, tokens);
    }

    /** The tokens for exactly this scope set, as VS Code matches sessions. */
    public StoredTokens tokensFor(Set<String> scopes) {
        return tokens.stream()
                .filter(t -> t.requestedScopes().equals(scopes))
                .findFirst()
                .orElse(null);
    }

    public StoredTokens latest() {
        return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    }

    /** Replaces the set for the same requested scopes, or adds it. */
    public CachedCredentials withTokens(StoredTokens value) {
        List<StoredTokens> out = new ArrayList<>();
        for (StoredTokens t : tokens) {
            if (!t.requestedScopes().equals(value.requestedScopes())) {
                out.add(t);
            }
        }
        out.add(value);
        return new CachedCredentials(client, out);
    }

    public CachedCredentials withoutTokens() {
        return new CachedCredentials(client, List.of());
    }

    public CachedCredentials without(StoredTokens value) {
        return new CachedCredentials(
                client, tokens.stream().filter(t -> !t.equals(value)).toList());
    }
}
