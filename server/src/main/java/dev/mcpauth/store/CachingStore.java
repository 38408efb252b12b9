package dev.mcpauth.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
    // Counts revocations, so that a lookup that raced one does not cache what it read before it.
    private final AtomicLong revocations = new AtomicLong();

    public CachingStore(AuthStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<IssuedToken> findToken(String tokenHash) {
        IssuedToken cached = accessTokens.get(tokenHash);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = revocations.get();
        Optional<IssuedToken> found = delegate.findToken(tokenHash);
        found.filter(t -> t.kind() == IssuedToken.Kind.ACCESS && t.isActive(Instant.now()))
                .ifPresent(t -> remember(t, before));
        return found;
    }

    @Override
    public Rotation rotateRefreshToken(
            String refreshHash, List<IssuedToken> replacements, Instant now) {
        Optional<IssuedToken> old = delegate.findToken(refreshHash);
        Rotation rotation = delegate.rotateRefreshToken(refreshHash, replacements, now);
        if (rotation == Rotation.REPLAYED) {
            revocations.incrementAndGet();
            old.ifPresent(t -> evictGrant(t.grantId()));
        }
        return rotation;
    }

    @Override
    public int revokeGrant(String grantId, Instant now) {
        int revoked = delegate.revokeGrant(grantId, now);
        revocations.incrementAndGet();
        evictGrant(grantId);
        return revoked;
    }

    @Override
    public boolean revokeToken(String tokenHash, Instant now) {
        boolean revoked = delegate.revokeToken(tokenHash, now);
        revocations.incrementAndGet();
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

    /**
     * Caches a token read while no revocation had been counted since {@code revocationsBefore}. A
     * revocation that commits between the read and the put evicts after counting, so either its
     * eviction removes the entry or the count check here does.
     */
    private void remember(IssuedToken token, long revocationsBefore) {
        if (accessTokens.size() >= MAX_ENTRIES) {
            accessTokens.clear();
        }
        accessTokens.put(token.tokenHash(), token);
        if (revocations.get() != revocationsBefore) {
            accessTokens.remove(token.tokenHash());
        }
    }

    private void evictGrant(String grantId) {
        accessTokens.values().removeIf(t -> t.grantId().equals(grantId));
    }
}
