package dev.mcpauth.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the authorization server knows: registered clients, authorization codes, access and
 * refresh tokens. Secrets arrive here already hashed. A method returns only once its change is
 * committed, so a token can be handed out as soon as {@link #saveTokens} returns.
 */
public interface AuthStore extends AutoCloseable {

    /** A line for the ready message and {@code --help}: the kind and where the data lives. */
    String describe();

    void saveClient(RegisteredClient client);

    Optional<RegisteredClient> findClient(String clientId);

    void saveCode(AuthorizationCode code);

    /**
     * Marks a code used and returns it as it was before: {@code usedAt} is null on the first
     * redemption and set on any later one, which the caller treats as a replay.
     */
    Optional<AuthorizationCode> redeemCode(String codeHash, Instant now);

    /** Stores tokens issued together, all or none. */
    void saveTokens(List<IssuedToken> tokens);

    Optional<IssuedToken> findToken(String tokenHash);

    /**
     * Uses a refresh token once: if it is still active, marks it used and stores its replacements
     * in the same transaction. A token already used means a replay, and the whole grant is revoked
     * (OAuth 2.1 section 4.3.1, refresh token rotation).
     */
    Rotation rotateRefreshToken(String refreshHash, List<IssuedToken> replacements, Instant now);

    /** Revokes every token of a grant; returns how many were still active. */
    int revokeGrant(String grantId, Instant now);

    /** Revokes one token; false when it was unknown or already inactive. */
    boolean revokeToken(String tokenHash, Instant now);

    Counts counts(Instant now);

    @Override
    void close();

    /** The outcome of {@link #rotateRefreshToken}. */
    enum Rotation {
        ROTATED,
        REPLAYED,
        INACTIVE,
        UNKNOWN
    }

    /** How much state the store holds, for the ready line. */
    record Counts(long clients, long activeTokens) {}
}
