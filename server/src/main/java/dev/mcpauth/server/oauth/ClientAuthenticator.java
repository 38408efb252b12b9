package dev.mcpauth.server.oauth;

import dev.mcpauth.protocol.OAuthError;
import dev.mcpauth.server.http.FormParameters;
import dev.mcpauth.server.http.Responses;
import dev.mcpauth.store.AuthStore;
import dev.mcpauth.store.RegisteredClient;
import dev.mcpauth.token.Secrets;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
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

    /** The authenticated client, or the OAuth error; {@code claimedId} is the id sent, if any. */
    record Result(RegisteredClient client, String claimedId, String error, String detail) {

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
        if (authorization.isPresent() && basic.isEmpty()) {
            return failure(null, "the Authorization header is not valid Basic credentials");
        }
        if (basic.isPresent() && form.has("client_secret")) {
            return new Result(
                    null,
                    basic.get()[0],
                    OAuthError.INVALID_REQUEST,
                    "the client authenticated with both Basic and client_secret; use one method"
                            + " (RFC 6749 section 2.3)");
        }
        Optional<String> clientId = basic.map(b -> b[0]).or(() -> form.get("client_id"));
        if (clientId.isEmpty()) {
            return new Result(null, null, OAuthError.INVALID_REQUEST, "client_id is required");
        }
        if (basic.isPresent()
                && form.get("client_id").filter(id -> !id.equals(clientId.get())).isPresent()) {
            return failure(
                    clientId.get(), "client_id in the body differs from the Basic credentials");
        }
        Optional<RegisteredClient> client = store.findClient(clientId.get());
        if (client.isEmpty()) {
            return failure(
                    clientId.get(),
                    "client '"
                            + clientId.get()
                            + "' is not registered here; register "
                            + "again (a server on --store memory forgets clients on restart)");
        }
        Optional<String> secret = basic.map(b -> b[1]).or(() -> form.get("client_secret"));
        return verifySecret(client.get(), secret);
    }

    private static Result verifySecret(RegisteredClient client, Optional<String> secret) {
        String id = client.clientId();
        if (client.isPublic()) {
            return secret.isEmpty()
                    ? new Result(client, id, null, null)
                    : failure(id, "client " + id + " is public and has no secret");
        }
        if (secret.isEmpty()) {
            return failure(
                    id,
                    "client "
                            + client.clientId()
                            + " must authenticate with its secret ("
                            + client.authMethod()
                            + ")");
        }
        boolean matches =
                Secrets.constantTimeEquals(Secrets.hash(secret.get()), client.secretHash());
        return matches
                ? new Result(client, id, null, null)
                : failure(id, "wrong client secret for client " + id);
    }

    private static Result failure(String claimedId, String detail) {
        return new Result(null, claimedId, OAuthError.INVALID_CLIENT, detail);
    }

    /**
     * Answers a failed authentication: 401 {@code invalid_client} with the Basic challenge that
     * every 401 must carry (RFC 9110 section 15.5.2), else 400 (RFC 6749 section 5.2).
     */
    static void answer(ServerResponse res, Result failed) {
        boolean unauthorized = failed.error().equals(OAuthError.INVALID_CLIENT);
        if (unauthorized) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Basic realm=\"mcpauth\"");
        }
        Responses.oauthError(
                res,
                unauthorized ? Status.UNAUTHORIZED_401 : Status.BAD_REQUEST_400,
                failed.error(),
                failed.detail());
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
