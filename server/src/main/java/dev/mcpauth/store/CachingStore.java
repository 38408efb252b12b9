package dev.mcpauth.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps validated access tokens in memory so that an authenticated MCP request costs no store read.
 * Every revocation passes through here and evicts what it revokes; a restart starts empty and
 * refills from the store, so the cache never answers differently than the store. It is correct for
 * one server process per store, which the data directory lock ensures.
 */
public final class CachingStore implements AuthStore {

    static final int MAX_ENTRIES = 100_000;

    private final AuthStore delegate;
    private final Map<String, IssuedToken> accessTokens = new ConcurrentHashMap<>();

    public CachingStore(AuthStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<IssuedToken> findToken(String tokenHash) {
        IssuedToken cached = accessTokens.get(tokenHash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<IssuedToken> found = delegate.findToken(tokenHash);
        found.filter(t -> t.kind() == IssuedToken.Kind.ACCESS && t.isActive(Instant.now()))
                .ifPresent(this::remember);
        return found;
    }

    @Override
    public Rotation rotateRefreshToken(
            String refreshHash, List<IssuedToken> replacements, Instant now) {
        Optional<IssuedToken> old = delegate.findToken(refreshHash);
        Rotation rotation = delegate.rotateRefreshToken(refreshHash, replacements, now);
        if (rotation == Rotation.REPLAYED) {
            old.ifPresent(t -> evictGrant(t.grantId()));
        }
        return rotation;
    }

    @Override
    public int revokeGrant(String grantId, Instant now) {
        int revoked = delegate.revokeGrant(grantId, now);
        evictGrant(grantId);
        return revoked;
    }

    @Override
    public boolean revokeToken(String tokenHash, Instant now) {
        boolean revoked = delegate.revokeToken(tokenHash, now);
        accessTokens.remove(tokenHash);
        return revoked;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void saveClient(RegisteredClient client) {
        delegate.saveClient(client);
    }

    @Override
    public Optional<RegisteredClient> findClient(String clientId) {
        return delegate.findClient(clientId);
    }

    @Override
    public void saveCode(AuthorizationCode code) {
        delegate.saveCode(code);
    }

    @Override
    public Optional<AuthorizationCode> redeemCode(String codeHash, Instant now) {
        return delegate.redeemCode(codeHash, now);
    }

    @Override
    public void saveTokens(List<IssuedToken> tokens) {
        delegate.saveTokens(tokens);
    }

    @Override
    public Counts counts(Instant now) {
        return delegate.counts(now);
    }

    @Override
    public void close() {
        accessTokens.clear();
        delegate.close();
    }

    private void remember(IssuedToken token) {
        if (accessTokens.size() >= MAX_ENTRIES) {
            accessTokens.clear();
        }
        accessTokens.put(token.tokenHash(), token);
    }

    private void evictGrant(String grantId) {
        accessTokens.values().removeIf(t -> t.grantId().equals(grantId));
    }
}
