package dev.mcpauth.server.oauth;

import dev.mcpauth.token.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Proof Key for Code Exchange with the S256 method only (RFC 7636 section 4.1, section 4.2, section
 * 4.6).
 */
public final class Pkce {

    public static final String S256 = "S256";

    private Pkce() {}

    /** A verifier is 43 to 128 unreserved characters (RFC 7636 section 4.1). */
    public static boolean isValidVerifier(String verifier) {
        return verifier.length() >= 43
                && verifier.length() <= 128
                && verifier.chars().allMatch(Pkce::isUnreserved);
    }

    /** An S256 challenge is the 43-character base64url encoding of a SHA-256 digest. */
    public static boolean isValidChallenge(String challenge) {
        return challenge.length() == 43 && challenge.chars().allMatch(Pkce::isBase64Url);
    }

    public static String challengeOf(String verifier) {
        byte[] digest = Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    public static boolean verify(String verifier, String challenge) {
        return isValidVerifier(verifier)
                && Secrets.constantTimeEquals(challengeOf(verifier), challenge);
    }

    private static boolean isUnreserved(int c) {
        return isBase64Url(c) || c == '.' || c == '~';
    }

    private static boolean isBase64Url(int c) {
        return c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '_';
    }
}
