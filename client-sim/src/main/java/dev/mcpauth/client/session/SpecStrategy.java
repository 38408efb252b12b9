package dev.mcpauth.client.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.oauth.OAuthFailure;
import dev.mcpauth.client.oauth.StoredTokens;
import dev.mcpauth.client.trace.RecordingHttpClient.Response;
import dev.mcpauth.client.trace.TraceEvent.Level;
import dev.mcpauth.protocol.BearerChallenge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What MCP 2025-11-25 asks, done best: refresh ahead of expiry and on a 401; {@code invalid_client}
 * means register again, {@code invalid_grant} log in again; 403 {@code insufficient_scope} steps up
 * with the union of granted and challenged scopes; credentials are bound to their issuer; a login
 * with a stored client that never comes back is retried once with a new registration; at most
 * {@code maxAuthorizationAttempts} per connection.
 */
final class SpecStrategy implements RecoveryStrategy {

    private int attempts;
    private List<String> scopes = List.of();

    @Override
    public String token(Connection c) {
        StoredTokens latest = c.credentials().get().latest();
        if (latest == null) {
            return null;
        }
        if (latest.refreshToken() != null
                && c.found() != null
                && latest.expiresWithin(Duration.ofMinutes(1), Instant.now())) {
            try {
                return c.refresh(latest).accessToken();
            } catch (OAuthFailure e) {
                c.credentials().forgetTokens();
                return null;
            }
        }
        return latest.accessToken();
    }

    @Override
    public String onUnauthorized(Connection c, Response res, String sent, ObjectNode request) {
        BearerChallenge challenge = c.challenge(res);
        if (++attempts > c.profile().maxAuthorizationAttempts()) {
            throw c.giveUp(
                    res,
                    request,
                    "gave up after "
                            + c.profile().maxAuthorizationAttempts()
                            + " authorization attempts; the server keeps answering "
                            + res.status());
        }
        c.discover(res);
        c.credentials().forgetIfIssuerChanged();
        if (res.status() == 403) {
            if (!"insufficient_scope".equals(challenge.error())) {
                throw c.giveUp(res, request, "the server answered 403 " + challenge.error());
            }
            Set<String> union = new LinkedHashSet<>(scopes);
            union.addAll(c.scopes(challenge));
            scopes = new ArrayList<>(union);
            c.log(Level.INFO, "stepping up to scopes " + scopes);
            return login(c);
        }
        scopes = c.scopes(challenge);
        StoredTokens stored = c.credentials().get().latest();
        if (sent != null && stored != null && stored.refreshToken() != null) {
            try {
                return c.refresh(stored).accessToken();
            } catch (OAuthFailure e) {
                c.log(Level.INFO, "refresh refused (" + e.error() + "); " + next(e));
                if (e.invalidClient()) {
                    c.credentials().forgetClientAndTokens();
                } else {
                    c.credentials().forgetTokens();
                }
            }
        }
        return login(c);
    }

    private static String next(OAuthFailure e) {
        return e.invalidClient() ? "registering again" : "logging in again";
    }

    private String login(Connection c) {
        boolean storedClient = c.credentials().get().client() != null;
        try {
            return c.login(scopes, false, null).accessToken();
        } catch (ClientSimException e) {
            if (!storedClient || e.kind() != ClientSimException.Kind.AUTHORIZATION) {
                throw e;
            }
            c.log(
                    Level.INFO,
                    "the login with the stored client did not come back ("
                            + e.getMessage()
                            + "); registering again");
            c.credentials().forgetClientAndTokens();
            return c.login(scopes, false, null).accessToken();
        }
    }
}
