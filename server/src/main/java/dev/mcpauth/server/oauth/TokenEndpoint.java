package dev.mcpauth.server.oauth;

import dev.mcpauth.protocol.OAuthError;
import dev.mcpauth.server.ServerContext;
import dev.mcpauth.server.http.FormParameters;
import dev.mcpauth.server.http.Responses;
import dev.mcpauth.store.AuthStore.Rotation;
import dev.mcpauth.store.AuthorizationCode;
import dev.mcpauth.store.IssuedToken;
import dev.mcpauth.store.RegisteredClient;
import dev.mcpauth.token.Secrets;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The token endpoint, RFC 6749 section 3.2 under OAuth 2.1: the authorization code grant with PKCE
 * (RFC 7636 section 4.6) and single-use codes, whose replay revokes what the code produced (RFC
 * 6749 section 4.1.2), and the refresh grant with rotation and replay detection (OAuth 2.1 section
 * 4.3.1). Tokens are committed to the store before the response is written.
 */
public final class TokenEndpoint {

    private final ServerContext ctx;
    private final ClientAuthenticator clients;
    private final TokenIssuer issuer;

    /** A refused request: the OAuth error, its description, and the token it concerned. */
    private record Refusal(String error, String detail, String fingerprint) {}

    public TokenEndpoint(ServerContext ctx) {
        this.ctx = ctx;
        this.clients = new ClientAuthenticator(ctx.store());
        this.issuer = new TokenIssuer(ctx);
    }

    public void handle(ServerRequest req, ServerResponse res) throws IOException {
        FormParameters form = FormParameters.read(req);
        String grantType = form.get("grant_type").orElse("");
        String endpoint = "token";
        Optional<String> repeated = form.repeated();
        if (repeated.isPresent()) {
            refuse(
                    res,
                    endpoint,
                    null,
                    new Refusal(
                            OAuthError.INVALID_REQUEST,
                            "parameter " + repeated.get() + " was sent more than once",
                            null));
            return;
        }
        ClientAuthenticator.Result auth =
                clients.authenticate(req.headers().first(HeaderNames.AUTHORIZATION), form);
        if (!auth.ok()) {
            refuseClient(res, auth);
            return;
        }
        RegisteredClient client = auth.client();
        switch (grantType) {
            case "authorization_code" -> exchangeCode(res, client, form);
            case "refresh_token" -> refresh(res, client, form);
            default ->
                    refuse(
                            res,
                            endpoint,
                            client.clientId(),
                            new Refusal(
                                    grantType.isEmpty()
                                            ? OAuthError.INVALID_REQUEST
                                            : OAuthError.UNSUPPORTED_GRANT_TYPE,
                                    grantType.isEmpty()
                                            ? "grant_type is required"
                                            : "grant_type "
                                                    + grantType
                                                    + " is not supported; use "
                                                    + "authorization_code or refresh_token",
                                    null));
        }
    }

    private void exchangeCode(ServerResponse res, RegisteredClient client, FormParameters form) {
        Optional<String> code = form.get("code");
        Optional<String> verifier = form.get("code_verifier");
        if (code.isEmpty() || verifier.isEmpty()) {
            refuse(
                    res,
                    "token",
                    client.clientId(),
                    new Refusal(
                            OAuthError.INVALID_REQUEST,
                            (code.isEmpty() ? "code" : "code_verifier") + " is required",
                            null));
            return;
        }
        Instant now = ctx.now();
        String fingerprint = Secrets.fingerprint(code.get());
        Optional<AuthorizationCode> redeemed =
                ctx.store().redeemCode(Secrets.hash(code.get()), now);
        Refusal refusal =
                redeemed.isEmpty()
                        ? new Refusal(
                                OAuthError.INVALID_GRANT,
                                "unknown authorization code: it was never issued here, or the"
                                        + " server restarted with --store memory",
                                fingerprint)
                        : checkCode(redeemed.get(), client, form, verifier.get(), now);
        if (refusal != null) {
            refuse(res, "token", client.clientId(), refusal);
            return;
        }
        AuthorizationCode granted = redeemed.get();
        TokenIssuer.Minted minted =
                issuer.mint(
                        client.clientId(),
                        granted.grantId(),
                        granted.scope(),
                        granted.resource(),
                        client.grantTypes().contains("refresh_token"));
        ctx.store().saveTokens(minted.records());
        ctx.log()
                .allow(
                        "token",
                        client.clientId(),
                        "authorization_code",
                        minted.accessFingerprint());
        Responses.noStoreJson(res, Status.OK_200, minted.response());
    }

    /** Checks a redeemed code against the request; null when the code may be exchanged. */
    private Refusal checkCode(
            AuthorizationCode code,
            RegisteredClient client,
            FormParameters form,
            String verifier,
            Instant now) {
        String fingerprint = Secrets.fingerprintOfHash(code.codeHash());
        if (code.usedAt() != null) {
            int revoked = ctx.store().revokeGrant(code.grantId(), now);
            return new Refusal(
                    OAuthError.INVALID_GRANT,
                    "authorization code already used; the "
                            + revoked
                            + " token(s) issued for it are revoked",
                    fingerprint);
        }
        if (!code.clientId().equals(client.clientId())) {
            return new Refusal(
                    OAuthError.INVALID_GRANT,
                    "authorization code was issued to another " + "client",
                    fingerprint);
        }
        if (code.isExpired(now)) {
            return new Refusal(
                    OAuthError.INVALID_GRANT,
                    "authorization code expired; codes live "
                            + AuthorizationEndpoint.CODE_LIFETIME.toSeconds()
                            + " s",
                    fingerprint);
        }
        Optional<String> redirect = form.get("redirect_uri");
        if (redirect.isPresent() && !redirect.get().equals(code.redirectUri())) {
            return new Refusal(
                    OAuthError.INVALID_GRANT,
                    "redirect_uri differs from the one of the " + "authorization request",
                    fingerprint);
        }
        if (!Pkce.verify(verifier, code.codeChallenge())) {
            return new Refusal(
                    OAuthError.INVALID_GRANT,
                    "code_verifier does not match the " + "code_challenge (PKCE S256)",
                    fingerprint);
        }
        Optional<String> resource = form.get("resource");
        if (resource.isPresent() && !Resources.matches(resource.get(), code.resource())) {
            return new Refusal(
                    OAuthError.INVALID_TARGET,
                    "resource '"
                            + resource.get()
                            + "' differs from the authorized resource "
                            + code.resource(),
                    fingerprint);
        }
        return null;
    }

    private void refresh(ServerResponse res, RegisteredClient client, FormParameters form) {
        Optional<String> token = form.get("refresh_token");
        if (token.isEmpty()) {
            refuse(
                    res,
                    "token",
                    client.clientId(),
                    new Refusal(OAuthError.INVALID_REQUEST, "refresh_token is required", null));
            return;
        }
        Instant now = ctx.now();
        String hash = Secrets.hash(token.get());
        Optional<IssuedToken> found =
                ctx.store().findToken(hash).filter(t -> t.kind() == IssuedToken.Kind.REFRESH);
        Refusal refusal =
                found.isEmpty()
                        ? new Refusal(
                                OAuthError.INVALID_GRANT,
                                "unknown refresh token: never issued "
                                        + "here, or the server restarted with --store memory",
                                Secrets.fingerprintOfHash(hash))
                        : checkRefresh(found.get(), client, form);
        if (refusal != null) {
            refuse(res, "token", client.clientId(), refusal);
            return;
        }
        IssuedToken old = found.get();
        String scope = form.get("scope").orElse(old.scope());
        TokenIssuer.Minted minted =
                issuer.mint(client.clientId(), old.grantId(), scope, old.resource(), true);
        Rotation rotation = ctx.store().rotateRefreshToken(hash, minted.records(), now);
        if (rotation != Rotation.ROTATED) {
            refuse(
                    res,
                    "token",
                    client.clientId(),
                    new Refusal(
                            OAuthError.INVALID_GRANT,
                            rotation == Rotation.REPLAYED
                                    ? "refresh token already used: replay detected, every token of "
                                            + "this grant is revoked; log in again"
                                    : "refresh token expired or revoked; log in again",
                            old.fingerprint()));
            return;
        }
        ctx.log().allow("token", client.clientId(), "refresh_token", minted.accessFingerprint());
        Responses.noStoreJson(res, Status.OK_200, minted.response());
    }

    private static Refusal checkRefresh(
            IssuedToken token, RegisteredClient client, FormParameters form) {
        if (!token.clientId().equals(client.clientId())) {
            return new Refusal(
                    OAuthError.INVALID_GRANT,
                    "refresh token was issued to another " + "client",
                    token.fingerprint());
        }
        Set<String> granted = Scopes.parse(token.scope());
        Set<String> asked = Scopes.parse(form.get("scope").orElse(token.scope()));
        if (!granted.containsAll(asked)) {
            return new Refusal(
                    OAuthError.INVALID_SCOPE,
                    "a refresh cannot widen the scope; " + "granted: " + token.scope(),
                    token.fingerprint());
        }
        Optional<String> resource = form.get("resource");
        if (resource.isPresent() && !Resources.matches(resource.get(), token.resource())) {
            return new Refusal(
                    OAuthError.INVALID_TARGET,
                    "resource '"
                            + resource.get()
                            + "' differs from the granted resource "
                            + token.resource(),
                    token.fingerprint());
        }
        return null;
    }

    private void refuseClient(ServerResponse res, ClientAuthenticator.Result auth) {
        ctx.log().deny("token", auth.claimedId(), auth.error(), null, auth.detail());
        ClientAuthenticator.answer(res, auth);
    }

    private void refuse(ServerResponse res, String endpoint, String clientId, Refusal refusal) {
        ctx.log()
                .deny(endpoint, clientId, refusal.error(), refusal.fingerprint(), refusal.detail());
        Responses.oauthError(res, Status.BAD_REQUEST_400, refusal.error(), refusal.detail());
    }
}
