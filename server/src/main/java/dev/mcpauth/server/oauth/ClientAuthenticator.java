package dev.mcpauth.server.oauth;

import dev.mcpauth.protocol.OAuthError;
import dev.mcpauth.server.http.FormParameters;
import dev.mcpauth.store.AuthStore;
import dev.mcpauth.store.RegisteredClient;
import dev.mcpauth.token.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Client authentication at the token and revocation endpoints (RFC 6749 section 2.3): none for
 * public clients, {@code client_secret_basic} or {@code client_secret_post} for confidential ones.
 * A confidential client may use either secret method; only one may be used per request.
 */
final class ClientAuthenticator {

    /** The authenticated client, or the OAuth error and whether it came with Basic. */
    record Result(RegisteredClient client, String error, String detail, boolean basicUsed) {

        boolean ok() {
            return client != null;
        }
    }

    private final AuthStore store;

    ClientAuthenticator(AuthStore store) {
        this.store = store;
    }

    Result authenticate(Optional<String> authorization, FormParameters form) {
        Optional<String[]> basic = authorization.flatMap(ClientAuthenticator::basicCredentials);
        boolean basicUsed = basic.isPresent();
        if (authorization.isPresent() && basic.isEmpty()) {
            return failure("the Authorization header is not valid Basic credentials", true);
        }
        if (basicUsed && form.has("client_secret")) {
            return new Result(
                    null,
                    OAuthError.INVALID_REQUEST,
                    "the client authenticated with "
                            + "both Basic and client_secret; use one method (RFC 6749 section 2.3)",
                    true);
        }
        Optional<String> clientId = basic.map(b -> b[0]).or(() -> form.get("client_id"));
        if (clientId.isEmpty()) {
            return new Result(null, OAuthError.INVALID_REQUEST, "client_id is required", false);
        }
        if (basicUsed
                && form.get("client_id").filter(id -> !id.equals(clientId.get())).isPresent()) {
            return failure("client_id in the body differs from the Basic credentials", true);
        }
        Optional<RegisteredClient> client = store.findClient(clientId.get());
        if (client.isEmpty()) {
            return failure(
                    "client '"
                            + clientId.get()
                            + "' is not registered here; register "
                            + "again (a server on --store memory forgets clients on restart)",
                    basicUsed);
        }
        Optional<String> secret = basic.map(b -> b[1]).or(() -> form.get("client_secret"));
        return verifySecret(client.get(), secret, basicUsed);
    }

    private static Result verifySecret(
            RegisteredClient client, Optional<String> secret, boolean basicUsed) {
        if (client.isPublic()) {
            return secret.isEmpty()
                    ? new Result(client, null, null, basicUsed)
                    : failure(
                            "client " + client.clientId() + " is public and has no secret",
                            basicUsed);
        }
        if (secret.isEmpty()) {
            return failure(
                    "client "
                            + client.clientId()
                            + " must authenticate with its secret ("
                            + client.authMethod()
                            + ")",
                    basicUsed);
        }
        boolean matches =
                Secrets.constantTimeEquals(Secrets.hash(secret.get()), client.secretHash());
        return matches
                ? new Result(client, null, null, basicUsed)
                : failure("wrong client secret for client " + client.clientId(), basicUsed);
    }

    private static Result failure(String detail, boolean basicUsed) {
        return new Result(null, OAuthError.INVALID_CLIENT, detail, basicUsed);
    }

    /** Basic credentials are form-encoded before base64 (RFC 6749 section 2.3.1). */
    private static Optional<String[]> basicCredentials(String header) {
        if (header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(
                            Base64.getDecoder().decode(header.substring(6).strip()),
                            StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(
                    new String[] {
                        URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
                    });
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
