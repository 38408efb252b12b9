package dev.mcpauth.client.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.cache.CachedCredentials;
import dev.mcpauth.client.oauth.OAuthFailure;
import dev.mcpauth.client.oauth.StoredTokens;
import dev.mcpauth.client.trace.RecordingHttpClient.Response;
import dev.mcpauth.client.trace.TraceEvent.Level;
import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.protocol.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * VS Code's {@code McpHTTPHandle._fetchWithAuthRetry}: a new connection has no auth metadata, so
 * its first request goes without a token and the first 401 runs discovery and takes the cached
 * session for the scopes; a later 401 retries only when the challenged scopes changed. With {@code
 * forced} (1.106 and later) a 401 or 403 on a request that carried a token drops the registration
 * and its tokens, registers again and asks for a login, once per request. Tokens are refreshed only
 * ahead of expiry, never because of a 401.
 */
final class VsCodeStrategy implements RecoveryStrategy {

    private static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    private final boolean forced;
    private boolean hasMetadata;
    private Set<String> challengedScopes;
    private List<String> scopes = List.of();
    private String current;
    private boolean forcedThisRequest;

    VsCodeStrategy(boolean forced) {
        this.forced = forced;
    }

    @Override
    public String token(Connection c) {
        return hasMetadata ? current : null;
    }

    @Override
    public void beginRequest() {
        forcedThisRequest = false;
    }

    @Override
    public String onUnauthorized(Connection c, Response res, String sent, ObjectNode request) {
        BearerChallenge challenge = c.challenge(res);
        if (!hasMetadata) {
            c.discover(res);
            hasMetadata = true;
            challengedScopes = scopeSet(challenge.scope());
            scopes = c.scopes(challenge);
            current = session(c, res, request);
            return current;
        }
        Set<String> now = scopeSet(challenge.scope());
        if (!Objects.equals(now, challengedScopes)) {
            c.log(
                    Level.INFO,
                    "Scopes changed from "
                            + Json.write(challengedScopes)
                            + " to "
                            + Json.write(now)
                            + (forced ? ", updating" : ", updating and retrying"));
            challengedScopes = now;
            scopes = c.scopes(challenge);
            current = session(c, res, request);
            return current;
        }
        if (forced && sent != null && !forcedThisRequest) {
            forcedThisRequest = true;
            String body = Connection.oneLine(res.body());
            c.log(
                    Level.DEBUG,
                    "Received "
                            + res.status()
                            + " status with Authorization header, retrying with new auth"
                            + " registration. Error details: "
                            + (body.isEmpty() ? "no additional details" : body));
            c.credentials().forgetClientAndTokens();
            current = login(c, res, request);
            return current;
        }
        throw c.giveUp(
                res,
                request,
                sent == null
                        ? "the server keeps answering "
                                + res.status()
                                + " and VS Code has no token to send"
                        : "the server answered "
                                + res.status()
                                + " to the cached token and the challenged scopes "
                                + challengedScopes
                                + " did not change, so "
                                + c.profile().client()
                                + " neither logs in again nor retries");
    }

    /** {@code getSessions} for the exact scope set: cached, refreshed ahead of expiry, or new. */
    private String session(Connection c, Response res, ObjectNode request) {
        CachedCredentials entry = c.credentials().get();
        StoredTokens tokens = entry.tokensFor(StoredTokens.scopeSet(String.join(" ", scopes)));
        if (tokens != null && !tokens.expiresWithin(REFRESH_AHEAD, Instant.now())) {
            return tokens.accessToken();
        }
        if (tokens != null && tokens.refreshToken() != null) {
            c.log(Level.INFO, "Token for session is about to expire, refreshing...");
            try {
                return c.refresh(tokens).accessToken();
            } catch (OAuthFailure e) {
                c.credentials().forgetTokens();
            }
        }
        return login(c, res, request);
    }

    private String login(Connection c, Response res, ObjectNode request) {
        try {
            return c.login(scopes, false, null).accessToken();
        } catch (ClientSimException e) {
            if (e.kind() != ClientSimException.Kind.AUTHORIZATION) {
                throw e;
            }
            c.log(
                    Level.ERROR,
                    "Error getting token from server metadata: Error: User did not consent to"
                            + " login.");
            throw c.giveUp(res, request, e.getMessage());
        }
    }

    /** The challenged scopes as VS Code compares them: order ignored, none unlike any list. */
    private static Set<String> scopeSet(String scope) {
        return scope == null ? null : StoredTokens.scopeSet(scope);
    }
}
