package dev.mcpauth.server.resource;

import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.protocol.OAuthError;
import dev.mcpauth.server.ServerContext;
import dev.mcpauth.server.Workaround;
import dev.mcpauth.server.oauth.Resources;
import dev.mcpauth.server.oauth.Scopes;
import dev.mcpauth.store.IssuedToken;
import dev.mcpauth.token.InstanceToken;
import dev.mcpauth.token.Secrets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer token validation for the MCP endpoint (RFC 6750 section 2.1, section 3; MCP 2025-11-25,
 * Authorization, token handling): a missing token gets a bare challenge, a bad one {@code
 * invalid_token}, a token for another resource is refused (RFC 8707), and a token without the
 * needed scopes gets 403 {@code insufficient_scope} naming all of them.
 */
public final class BearerGuard {

    private static final String TOKEN_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

    private final ServerContext ctx;

    public BearerGuard(ServerContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param authorization every {@code Authorization} header of the request
     * @param queryToken whether the query string carried {@code access_token}
     */
    public AccessCheck check(List<String> authorization, boolean queryToken, List<String> needed) {
        if (!ctx.config().authEnabled()) {
            return new AccessCheck.Anonymous();
        }
        if (queryToken) {
            return badRequest(
                    "tokens in the query string are not accepted (MCP 2025-11-25, "
                            + "Authorization); send Authorization: Bearer");
        }
        if (authorization.size() > 1) {
            return badRequest(
                    "the request has "
                            + authorization.size()
                            + " Authorization headers;"
                            + " send exactly one");
        }
        Optional<String> token = authorization.stream().findFirst().flatMap(BearerGuard::bearer);
        if (token.isEmpty()) {
            return refuse(
                    401,
                    null,
                    needed,
                    authorization.isEmpty()
                            ? "an access token is required; see WWW-Authenticate for where to get"
                                    + " one"
                            : "the Authorization header is not a Bearer token");
        }
        if (!isB64Token(token.get())) {
            return invalid(token.get(), needed, "the bearer token is malformed");
        }
        return validate(token.get(), needed);
    }

    private AccessCheck validate(String token, List<String> needed) {
        Instant now = ctx.now();
        Optional<IssuedToken> found =
                ctx.store()
                        .findToken(Secrets.hash(token))
                        .filter(t -> t.kind() == IssuedToken.Kind.ACCESS);
        if (found.isEmpty()) {
            return invalid(token, needed, unknownTokenDetail(token));
        }
        IssuedToken issued = found.get();
        if (!issued.isActive(now)) {
            return invalid(
                    token,
                    needed,
                    issued.revokedAt() != null
                            ? "the access token was revoked"
                            : "the access token expired; refresh it");
        }
        if (!Resources.matches(issued.resource(), ctx.urls().resource())) {
            return invalid(
                    token,
                    needed,
                    "the access token was issued for "
                            + issued.resource()
                            + ", not for this resource (RFC 8707)");
        }
        if (!Scopes.covers(issued.scope(), needed)) {
            Set<String> all = new LinkedHashSet<>(Scopes.parse(issued.scope()));
            all.addAll(needed);
            String detail = "this request needs scope " + String.join(" ", needed);
            ctx.log()
                    .deny(
                            "mcp",
                            issued.clientId(),
                            OAuthError.INSUFFICIENT_SCOPE,
                            issued.fingerprint(),
                            detail);
            return new AccessCheck.Refused(
                    403,
                    challenge(List.copyOf(all)).withError(OAuthError.INSUFFICIENT_SCOPE, detail),
                    OAuthError.INSUFFICIENT_SCOPE,
                    detail);
        }
        ctx.log().allowRequest("mcp", issued.clientId(), issued.fingerprint());
        return new AccessCheck.Granted(issued);
    }

    private String unknownTokenDetail(String token) {
        String plain = "the access token is not known to this server";
        if (!ctx.config().has(Workaround.INVALID_TOKEN_DETAIL)) {
            return plain;
        }
        long current = ctx.instance().id();
        return InstanceToken.parse(token)
                .filter(t -> t.instanceId() != current)
                .map(
                        t ->
                                "the server restarted: this token was issued by instance "
                                        + t.instanceId()
                                        + ", this is instance "
                                        + current
                                        + "; log in again")
                .orElse(plain + " (server instance " + current + ")");
    }

    private AccessCheck invalid(String token, List<String> needed, String detail) {
        return refuse(401, token, needed, detail);
    }

    private AccessCheck refuse(int status, String token, List<String> needed, String detail) {
        BearerChallenge challenge = challenge(ctx.challengeScopes(needed));
        String error = null;
        if (token != null) {
            error = OAuthError.INVALID_TOKEN;
            challenge = challenge.withError(error, detail);
        }
        ctx.log()
                .deny(
                        "mcp",
                        null,
                        token == null ? "no_token" : error,
                        token == null ? null : Secrets.fingerprint(token),
                        detail);
        return new AccessCheck.Refused(status, challenge, error, detail);
    }

    private AccessCheck badRequest(String detail) {
        ctx.log().deny("mcp", null, OAuthError.INVALID_REQUEST, null, detail);
        return new AccessCheck.Refused(400, null, OAuthError.INVALID_REQUEST, detail);
    }

    private BearerChallenge challenge(List<String> scopes) {
        return BearerChallenge.of(ctx.urls().resourceMetadata(), String.join(" ", scopes));
    }

    private static Optional<String> bearer(String header) {
        String value = header.strip();
        if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }

    /**
     * RFC 6750 section 2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/"
     * ) *"="}.
     */
    private static boolean isB64Token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if (TOKEN_CHARS.indexOf(token.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
