package dev.mcpauth.client.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.client.discovery.DiscoveryResult;
import dev.mcpauth.client.oauth.OAuthFailure;
import dev.mcpauth.client.oauth.StoredTokens;
import dev.mcpauth.client.trace.RecordingHttpClient.Response;
import dev.mcpauth.client.trace.TraceEvent.Level;
import dev.mcpauth.protocol.BearerChallenge;
import java.util.List;

/**
 * The TypeScript SDK's {@code auth()}: every request carries the stored token; a 401 runs
 * discovery, then a refresh when a refresh token is stored ({@code invalid_client} drops
 * everything, {@code invalid_grant} the tokens, and {@code auth()} runs once more), else a browser
 * login with the stored client. A second 401 after a completed login is an error; a 403 steps up
 * only for {@code insufficient_scope}, once per challenge. SDK 2 adds the issuer check and drops
 * credentials stamped with another issuer.
 */
final class TsSdkStrategy implements RecoveryStrategy {

    private boolean completedAuth;
    private String lastStepUp;

    @Override
    public String token(Connection c) {
        StoredTokens latest = c.credentials().get().latest();
        return latest == null ? null : latest.accessToken();
    }

    @Override
    public String onUnauthorized(Connection c, Response res, String sent, ObjectNode request) {
        BearerChallenge challenge = c.challenge(res);
        if (res.status() == 403) {
            String header = res.header("WWW-Authenticate");
            if (!"insufficient_scope".equals(challenge.error()) || header.equals(lastStepUp)) {
                throw c.giveUp(res, request, "the server answered 403 " + challenge.error());
            }
            lastStepUp = header;
            return auth(c, res, challenge, true, false);
        }
        if (completedAuth) {
            throw c.giveUp(res, request, "Server returned 401 after successful authentication");
        }
        String token = auth(c, res, challenge, false, false);
        completedAuth = true;
        return token;
    }

    private String auth(
            Connection c, Response res, BearerChallenge challenge, boolean stepUp, boolean again) {
        DiscoveryResult found = c.discover(res);
        if (c.profile().cacheKey().bindsIssuer()) {
            c.credentials().forgetIfIssuerChanged();
        }
        List<String> scopes = c.scopes(challenge);
        c.ensureClient();
        StoredTokens stored = c.credentials().get().latest();
        if (!stepUp && stored != null && stored.refreshToken() != null) {
            try {
                return c.refresh(stored).accessToken();
            } catch (OAuthFailure e) {
                if (!again && e.invalidClient()) {
                    say(c, e.error(), "client information and tokens");
                    c.credentials().forgetClientAndTokens();
                    return auth(c, res, challenge, stepUp, true);
                }
                if (!again && e.invalidGrant()) {
                    say(c, e.error(), "tokens");
                    c.credentials().forgetTokens();
                    return auth(c, res, challenge, stepUp, true);
                }
                c.log(Level.WARNING, "refresh failed (" + e.getMessage() + "); logging in");
            }
        }
        if (found.metadata() == null) {
            c.log(Level.INFO, "no authorization server metadata; using default endpoints");
        }
        return c.login(scopes, true, res).accessToken();
    }

    private static void say(Connection c, String code, String what) {
        c.log(
                Level.INFO,
                "[mcp-sdk] OAuth \""
                        + code
                        + "\" - invalidating the stored "
                        + what
                        + " and retrying authorization.");
    }
}
