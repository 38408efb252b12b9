package dev.mcpauth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets, the hashes they are stored as, and the fingerprints that stand for them in logs
 * and output. Every secret here carries 256 bits from a CSPRNG, so an unsalted SHA-256 is a sound
 * storage hash (RFC 6819 section 5.1.4.1.3) and lookups stay one index probe.
 */
public final class Secrets {

    /**
     * Hex digits of the SHA-256 a fingerprint shows: enough to join log lines, useless to guess.
     */
    public static final int FINGERPRINT_HEX = 12;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {}

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A base64url string of {@code bytes} random bytes, no padding. */
    public static String randomUrlSafe(int bytes) {
        return URL.encodeToString(randomBytes(bytes));
    }

    public static String randomHex(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes: the form in which secrets are stored. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** The short public stand-in for a secret: {@code fp:} and the first hex digits of its hash. */
    public static String fingerprint(String secret) {
        return fingerprintOfHash(hash(secret));
    }

    public static String fingerprintOfHash(String hash) {
        return "fp:" + hash.substring(0, FINGERPRINT_HEX);
    }

    public static byte[] sha256(byte[] input) {
        return newSha256().digest(input);
    }

    /** A fresh digest, cloned from a prototype: cheaper than a provider lookup per request. */
    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) Sha256.PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return Sha256.lookUp();
        }
    }

    private static final class Sha256 {
        static final MessageDigest PROTOTYPE = lookUp();

        static MessageDigest lookUp() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime ships SHA-256", e);
            }
        }
    }

    /** Compares two strings in time independent of where they differ. */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
