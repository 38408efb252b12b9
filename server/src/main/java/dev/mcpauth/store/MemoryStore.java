package dev.mcpauth.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * State in process memory only, forgotten on restart: the setup of the original bug report, kept on
 * purpose so that clients can be tried against it.
 */
public final class MemoryStore implements AuthStore {

    private final Map<String, RegisteredClient> clients = new HashMap<>();
    private final Map<String, AuthorizationCode> codes = new HashMap<>();
    private final Map<String, IssuedToken> tokens = new HashMap<>();
    private long writes;

    /** Expired codes and tokens are dropped now and then, so a long run does not grow. */
    static final int PURGE_EVERY = 1024;

    static final Duration PURGE_AFTER = Duration.ofHours(1);

    @Override
    public String describe() {
        return "memory (forgotten on restart)";
    }

    @Override
    public synchronized void saveClient(RegisteredClient client) {
        clients.put(client.clientId(), client);
    }

    @Override
    public synchronized Optional<RegisteredClient> findClient(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public synchronized void saveCode(AuthorizationCode code) {
        codes.put(code.codeHash(), code);
    }

    @Override
    public synchronized Optional<AuthorizationCode> redeemCode(String codeHash, Instant now) {
        AuthorizationCode code = codes.get(codeHash);
        if (code != null && code.usedAt() == null) {
            codes.put(codeHash, withUsedAt(code, now));
        }
        return Optional.ofNullable(code);
    }

    @Override
    public synchronized void saveTokens(List<IssuedToken> issued) {
        issued.forEach(t -> tokens.put(t.tokenHash(), t));
        if (++writes % PURGE_EVERY == 0) {
            purgeExpired(Instant.now().minus(PURGE_AFTER));
        }
    }

    @Override
    public synchronized Optional<IssuedToken> findToken(String tokenHash) {
        return Optional.ofNullable(tokens.get(tokenHash));
    }

    @Override
    public synchronized Rotation rotateRefreshToken(
            String refreshHash, List<IssuedToken> replacements, Instant now) {
        IssuedToken old = tokens.get(refreshHash);
        if (old == null || old.kind() != IssuedToken.Kind.REFRESH) {
            return Rotation.UNKNOWN;
        }
        if (old.usedAt() != null) {
            revokeGrant(old.grantId(), now);
            return Rotation.REPLAYED;
        }
        if (!old.isActive(now)) {
            return Rotation.INACTIVE;
        }
        tokens.put(refreshHash, old.used(now));
        saveTokens(replacements);
        return Rotation.ROTATED;
    }

    @Override
    public synchronized int revokeGrant(String grantId, Instant now) {
        int revoked = 0;
        for (IssuedToken token : List.copyOf(tokens.values())) {
            if (token.grantId().equals(grantId) && token.revokedAt() == null) {
                revoked += token.isActive(now) ? 1 : 0;
                tokens.put(token.tokenHash(), token.revoked(now));
            }
        }
        return revoked;
    }

    @Override
    public synchronized boolean revokeToken(String tokenHash, Instant now) {
        IssuedToken token = tokens.get(tokenHash);
        if (token == null || !token.isActive(now)) {
            return false;
        }
        tokens.put(tokenHash, token.revoked(now));
        return true;
    }

    @Override
    public synchronized Counts counts(Instant now) {
        long active = tokens.values().stream().filter(t -> t.isActive(now)).count();
        return new Counts(clients.size(), active);
    }

    @Override
    public void close() {
        // Nothing to release: forgetting everything is this store's purpose.
    }

    /** Drops codes and tokens that expired before {@code cutoff}. */
    synchronized void purgeExpired(Instant cutoff) {
        codes.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
        tokens.values().removeIf(t -> t.expiresAt().isBefore(cutoff));
    }

    private static AuthorizationCode withUsedAt(AuthorizationCode c, Instant now) {
        return new AuthorizationCode(
                c.codeHash(),
                c.clientId(),
                c.grantId(),
                c.redirectUri(),
                c.codeChallenge(),
                c.scope(),
                c.resource(),
                c.issuedAt(),
                c.expiresAt(),
                now);
    }
}
