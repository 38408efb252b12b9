package dev.mcpauth.server.oauth;

import dev.mcpauth.protocol.OAuthError;
import dev.mcpauth.server.ServerContext;
import dev.mcpauth.server.http.FormParameters;
import dev.mcpauth.server.http.Responses;
import dev.mcpauth.store.IssuedToken;
import dev.mcpauth.token.Secrets;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Token revocation, RFC 7009 section 2. Revoking a refresh token revokes its whole grant, access
 * tokens included (section 2.1); an unknown token, or one of another client, still gets 200 so that
 * nothing is disclosed (section 2.2).
 */
public final class RevocationEndpoint {

    private final ServerContext ctx;
    private final ClientAuthenticator clients;

    public RevocationEndpoint(ServerContext ctx) {
        this.ctx = ctx;
        this.clients = new ClientAuthenticator(ctx.store());
    }

    public void handle(ServerRequest req, ServerResponse res) throws IOException {
        FormParameters form = FormParameters.read(req);
        Optional<String> repeated = form.repeated();
        if (repeated.isPresent()) {
            // RFC 6749 section 3.2 for the token endpoint; RFC 7009 section 2.1 reuses its rules.
            String detail = "parameter " + repeated.get() + " was sent more than once";
            ctx.log().deny("revoke", null, OAuthError.INVALID_REQUEST, null, detail);
            Responses.oauthError(res, Status.BAD_REQUEST_400, OAuthError.INVALID_REQUEST, detail);
            return;
        }
        ClientAuthenticator.Result auth =
                clients.authenticate(req.headers().first(HeaderNames.AUTHORIZATION), form);
        if (!auth.ok()) {
            ctx.log().deny("revoke", auth.claimedId(), auth.error(), null, auth.detail());
            ClientAuthenticator.answer(res, auth);
            return;
        }
        Optional<String> token = form.get("token");
        if (token.isEmpty()) {
            Responses.oauthError(
                    res, Status.BAD_REQUEST_400, OAuthError.INVALID_REQUEST, "token is required");
            return;
        }
        String clientId = auth.client().clientId();
        String hash = Secrets.hash(token.get());
        Optional<IssuedToken> found =
                ctx.store().findToken(hash).filter(t -> t.clientId().equals(clientId));
        if (found.isEmpty()) {
            ctx.log()
                    .deny(
                            "revoke",
                            clientId,
                            "unknown_token",
                            Secrets.fingerprintOfHash(hash),
                            "not a token of this client; nothing revoked");
        } else if (found.get().kind() == IssuedToken.Kind.REFRESH) {
            ctx.store().revokeGrant(found.get().grantId(), ctx.now());
            ctx.log().allow("revoke", clientId, "grant_revoked", found.get().fingerprint());
        } else {
            ctx.store().revokeToken(hash, ctx.now());
            ctx.log().allow("revoke", clientId, "token_revoked", found.get().fingerprint());
        }
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.status(Status.OK_200).send();
    }
}
