package dev.mcpauth.client.oauth;

import dev.mcpauth.token.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A PKCE code verifier and its S256 challenge (RFC 7636 sections 4.1 and 4.2). */
public record CodeVerifier(String verifier) {

    public static CodeVerifier random() {
        return new CodeVerifier(Secrets.randomUrlSafe(32));
    }

    public String challenge() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
