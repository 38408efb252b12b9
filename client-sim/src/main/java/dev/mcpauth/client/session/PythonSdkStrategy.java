package dev.mcpauth.client.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.client.oauth.StoredTokens;
import dev.mcpauth.client.trace.RecordingHttpClient.Response;
import dev.mcpauth.protocol.BearerChallenge;

/**
 * The Python SDK's httpx auth flow (1.29): the stored token is sent (after a restart its expiry is
 * unknown, so it counts as valid); every 401 runs the full flow, discovery, registration only when
 * no client is stored, a browser login, the exchange, one retry. It never refreshes on a 401 and
 * never discards a stale client.
 */
final class PythonSdkStrategy implements RecoveryStrategy {

    private int attempts;

    @Override
    public String token(Connection c) {
        StoredTokens latest = c.credentials().get().latest();
        return latest == null ? null : latest.accessToken();
    }

    @Override
    public void beginRequest() {
        attempts = 0;
    }

    @Override
    public String onUnauthorized(Connection c, Response res, String sent, ObjectNode request) {
        BearerChallenge challenge = c.challenge(res);
        if (res.status() == 403 && !"insufficient_scope".equals(challenge.error())) {
            throw c.giveUp(res, request, "the server answered 403 " + challenge.error());
        }
        if (++attempts > c.profile().maxAuthorizationAttempts()) {
            throw c.giveUp(
                    res,
                    request,
                    "the server answered " + res.status() + " again after a completed login");
        }
        c.discover(res);
        return c.login(c.scopes(challenge), false, null).accessToken();
    }
}
