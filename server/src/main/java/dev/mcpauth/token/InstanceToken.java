package dev.mcpauth.token;

import java.time.Instant;
import java.util.Optional;

/**
 * The parts of an instance-prefixed token {@code {instanceId}.{secret}}: the instance id is the
 * issuing server's start time in epoch milliseconds. Only the fingerprint of the secret part is
 * kept, so a parsed token can be shown safely.
 */
public record InstanceToken(long instanceId, String secretFingerprint) {

    /**
     * Instance ids before this (2001-09-09) are not start times, so the token is something else.
     */
    private static final long EARLIEST_INSTANCE = 1_000_000_000_000L;

    public Instant startedAt() {
        return Instant.ofEpochMilli(instanceId);
    }

    public static Optional<InstanceToken> parse(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || dot == token.length() - 1) {
            return Optional.empty();
        }
        String prefix = token.substring(0, dot);
        if (prefix.length() > 15 || !prefix.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long instanceId = Long.parseLong(prefix);
        if (instanceId < EARLIEST_INSTANCE) {
            return Optional.empty();
        }
        return Optional.of(
                new InstanceToken(instanceId, Secrets.fingerprint(token.substring(dot + 1))));
    }
}
