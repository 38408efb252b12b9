package dev.mcpauth.server.oauth;

import dev.mcpauth.protocol.TokenResponse;
import dev.mcpauth.server.ServerContext;
import dev.mcpauth.store.IssuedToken;
import dev.mcpauth.token.Secrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mints the access and refresh tokens of one grant, in the configured token format. */
final class TokenIssuer {

    /** Tokens minted together: what is stored (hashes) and what the client receives. */
    record Minted(List<IssuedToken> records, TokenResponse response) {

        String accessFingerprint() {
            return records.get(0).fingerprint();
        }
    }

    private final ServerContext ctx;

    TokenIssuer(ServerContext ctx) {
        this.ctx = ctx;
    }

    Minted mint(String clientId, String grantId, String scope, String resource, boolean refresh) {
        Instant now = ctx.now();
        long instance = ctx.instance().id();
        String access = ctx.config().tokenFormat().mint(instance);
        List<IssuedToken> records = new ArrayList<>();
        records.add(
                new IssuedToken(
                        Secrets.hash(access),
                        IssuedToken.Kind.ACCESS,
                        clientId,
                        grantId,
                        scope,
                        resource,
                        instance,
                        now,
                        now.plus(ctx.config().accessTokenTtl()),
                        null,
                        null));
        String refreshToken = null;
        if (refresh) {
            refreshToken = ctx.config().tokenFormat().mint(instance);
            records.add(
                    new IssuedToken(
                            Secrets.hash(refreshToken),
                            IssuedToken.Kind.REFRESH,
                            clientId,
                            grantId,
                            scope,
                            resource,
                            instance,
                            now,
                            now.plus(ctx.config().refreshTokenTtl()),
                            null,
                            null));
        }
        TokenResponse response =
                new TokenResponse(
                        access,
                        "Bearer",
                        ctx.config().accessTokenTtl().toSeconds(),
                        refreshToken,
                        scope);
        return new Minted(List.copyOf(records), response);
    }
}
