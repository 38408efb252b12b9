package dev.mcpauth.server.oauth;

import dev.mcpauth.protocol.OAuthError;
import dev.mcpauth.server.ServerContext;
import dev.mcpauth.server.http.FormParameters;
import dev.mcpauth.server.http.Responses;
import dev.mcpauth.store.AuthorizationCode;
import dev.mcpauth.store.RegisteredClient;
import dev.mcpauth.token.Secrets;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorization endpoint, RFC 6749 section 4.1.1 as OAuth 2.1 tightens it: PKCE with S256 only,
 * {@code state} passed back, {@code resource} checked (RFC 8707 section 2), {@code iss} added to
 * the response (RFC 9207). The answer to the consent form is a 303, so the browser does not resend
 * the form to the client (RFC 9700 section 4.12). Until the client and redirect URI are known to be
 * genuine, errors are shown as a page and never redirected (RFC 6749 section 4.1.2.1).
 */
public final class AuthorizationEndpoint {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    private static final Duration CONSENT_LIFETIME = Duration.ofMinutes(10);

    /**
     * Consent pages awaiting an answer, at most: anyone may register a client and open pages, so
     * beyond this the oldest is dropped rather than letting unanswered requests fill the heap.
     */
    public static final int MAX_PENDING = 10_000;

    private final ServerContext ctx;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(AuthorizationRequest request, Instant expiresAt) {}

    public AuthorizationEndpoint(ServerContext ctx) {
        this.ctx = ctx;
    }

    /** GET: check the request, then show the consent page or, with auto-approve, redirect. */
    public void authorize(ServerRequest req, ServerResponse res) {
        FormParameters params = FormParameters.parse(req.query().rawValue());
        Optional<String> clientId = params.get("client_id");
        Optional<RegisteredClient> client = clientId.flatMap(ctx.store()::findClient);
        if (client.isEmpty()) {
            unknownClient(res, clientId.orElse(null));
            return;
        }
        Optional<String> redirectUri = resolveRedirect(client.get(), params, res);
        if (redirectUri.isEmpty()) {
            return;
        }
        Optional<String> state = params.get("state");
        String problem = requestProblem(params);
        if (problem != null) {
            String code =
                    problem.startsWith("resource")
                            ? OAuthError.INVALID_TARGET
                            : problem.startsWith("scope")
                                    ? OAuthError.INVALID_SCOPE
                                    : problem.startsWith("response_type")
                                            ? OAuthError.UNSUPPORTED_RESPONSE_TYPE
                                            : OAuthError.INVALID_REQUEST;
            denyByRedirect(
                    res, client.get(), redirectUri.get(), state, code, problem, Status.FOUND_302);
            return;
        }
        AuthorizationRequest request = accept(client.get(), redirectUri.get(), params);
        if (ctx.config().autoApprove()) {
            grant(res, request, "auto_approved", Status.FOUND_302);
            return;
        }
        dropExpired();
        if (pending.size() >= MAX_PENDING) {
            dropOldest();
        }
        String requestId = Secrets.randomUrlSafe(24);
        pending.put(requestId, new Pending(request, ctx.now().plus(CONSENT_LIFETIME)));
        Responses.html(
                res, Status.OK_200, ConsentPage.render(requestId, request, ctx.urls().resource()));
    }

    /** POST from the consent page: the person's decision on a pending request. */
    public void decide(ServerRequest req, ServerResponse res) throws IOException {
        FormParameters form = FormParameters.read(req);
        dropExpired();
        Pending decided = form.get("request_id").map(pending::remove).orElse(null);
        if (decided == null || decided.expiresAt().isBefore(ctx.now())) {
            Responses.html(
                    res,
                    Status.BAD_REQUEST_400,
                    ConsentPage.error(
                            "This authorization request has expired",
                            "It was already answered, is older than ten minutes, or the server"
                                + " restarted since. Start the login again from your MCP client."));
            return;
        }
        AuthorizationRequest request = decided.request();
        if ("approve".equals(form.get("decision").orElse(""))) {
            grant(res, request, "approved", Status.SEE_OTHER_303);
        } else {
            denyByRedirect(
                    res,
                    request.client(),
                    request.redirectUri(),
                    Optional.ofNullable(request.state()),
                    OAuthError.ACCESS_DENIED,
                    "the person denied the request",
                    Status.SEE_OTHER_303);
        }
    }

    private Optional<String> resolveRedirect(
            RegisteredClient client, FormParameters params, ServerResponse res) {
        Optional<String> requested = params.get("redirect_uri");
        if (requested.isEmpty() && client.redirectUris().size() == 1) {
            return Optional.of(client.redirectUris().get(0));
        }
        Optional<String> matched =
                requested.flatMap(r -> RedirectUris.match(client.redirectUris(), r));
        if (matched.isEmpty() || params.repeated().filter("redirect_uri"::equals).isPresent()) {
            String detail =
                    requested.isEmpty()
                            ? "The request names no redirect_uri and the client registered several."
                            : "redirect_uri '"
                                    + requested.get()
                                    + "' is not one that client "
                                    + client.clientId()
                                    + " registered: "
                                    + client.redirectUris()
                                    + ".";
            ctx.log().deny("authorize", client.clientId(), "redirect_uri_mismatch", null, detail);
            Responses.html(
                    res,
                    Status.BAD_REQUEST_400,
                    ConsentPage.error(
                            "Unregistered redirect URI",
                            detail
                                    + " The code is not sent to an address the client did not"
                                    + " register."));
            return Optional.empty();
        }
        // Loopback: the port is the client's choice at request time (RFC 8252 section 7.3).
        return requested;
    }

    /** The first reason the request must be refused, phrased for error_description. */
    private String requestProblem(FormParameters params) {
        Optional<String> repeated = params.repeated();
        if (repeated.isPresent()) {
            return "parameter " + repeated.get() + " was sent more than once";
        }
        if (!params.get("response_type").orElse("").equals("code")) {
            return "response_type must be code; this server supports the code flow only";
        }
        Optional<String> challenge = params.get("code_challenge");
        if (challenge.isEmpty()) {
            return "code_challenge is required: this server needs PKCE with S256";
        }
        String method = params.get("code_challenge_method").orElse("plain");
        if (!method.equals(Pkce.S256)) {
            return "code_challenge_method "
                    + method
                    + " is not supported; use S256 "
                    + "(an omitted method means plain, RFC 7636 section 4.3)";
        }
        if (!Pkce.isValidChallenge(challenge.get())) {
            return "code_challenge is not an S256 value: 43 base64url characters expected";
        }
        Optional<String> resource = params.get("resource");
        if (resource.isPresent() && !Resources.matches(resource.get(), ctx.urls().resource())) {
            return "resource '"
                    + resource.get()
                    + "' is not served here; this server protects "
                    + ctx.urls().resource();
        }
        if (grantedScopes(params).isEmpty()) {
            return "scope '"
                    + params.get("scope").orElse("")
                    + "' names no scope of this server;"
                    + " it offers "
                    + supportedScopes();
        }
        return null;
    }

    private AuthorizationRequest accept(
            RegisteredClient client, String redirectUri, FormParameters params) {
        Set<String> granted = grantedScopes(params);
        Set<String> ignored = new LinkedHashSet<>(Scopes.parse(params.get("scope").orElse(null)));
        ignored.removeAll(granted);
        return new AuthorizationRequest(
                client,
                redirectUri,
                params.get("state").orElse(null),
                params.get("code_challenge").orElseThrow(),
                granted,
                ignored,
                ctx.urls().resource(),
                params.has("resource"));
    }

    /**
     * The requested scopes this server knows; no scope at all means the base scope. Unknown ones
     * are dropped, as RFC 6749 section 3.3 allows, and the token response says what was granted.
     */
    private Set<String> grantedScopes(FormParameters params) {
        Set<String> requested = Scopes.parse(params.get("scope").orElse(null));
        if (requested.isEmpty()) {
            return Set.of(Scopes.BASE);
        }
        Set<String> granted = new LinkedHashSet<>(requested);
        granted.retainAll(supportedScopes());
        return granted;
    }

    private Set<String> supportedScopes() {
        Set<String> supported = new LinkedHashSet<>(Scopes.SUPPORTED);
        supported.addAll(ctx.challengeScopes(java.util.List.of()));
        return supported;
    }

    private void grant(
            ServerResponse res, AuthorizationRequest request, String reason, Status status) {
        String code = Secrets.randomUrlSafe(32);
        Instant now = ctx.now();
        ctx.store()
                .saveCode(
                        new AuthorizationCode(
                                Secrets.hash(code),
                                request.client().clientId(),
                                Secrets.randomUrlSafe(16),
                                request.redirectUri(),
                                request.codeChallenge(),
                                Scopes.join(request.scopes()),
                                request.resource(),
                                now,
                                now.plus(CODE_LIFETIME),
                                null));
        String fingerprint = Secrets.fingerprint(code);
        ctx.log()
                .allow(
                        "authorize",
                        request.client().clientId(),
                        request.resourceSent() ? reason : reason + "_without_resource",
                        fingerprint);
        StringBuilder location = new StringBuilder(request.redirectUri());
        appendParam(location, "code", code);
        appendState(location, Optional.ofNullable(request.state()));
        appendParam(location, "iss", ctx.urls().issuer());
        Responses.redirect(res, status, location.toString());
    }

    private void denyByRedirect(
            ServerResponse res,
            RegisteredClient client,
            String redirectUri,
            Optional<String> state,
            String code,
            String detail,
            Status status) {
        ctx.log().deny("authorize", client.clientId(), code, null, detail);
        StringBuilder location = new StringBuilder(redirectUri);
        appendParam(location, "error", code);
        appendParam(location, "error_description", detail);
        appendState(location, state);
        appendParam(location, "iss", ctx.urls().issuer());
        Responses.redirect(res, status, location.toString());
    }

    private void unknownClient(ServerResponse res, String clientId) {
        String detail =
                clientId == null
                        ? "The request has no client_id."
                        : "No client with id '"
                                + clientId
                                + "' is registered here. If the server "
                                + "restarted with --store memory it forgot its clients: remove the "
                                + "client's saved registration and connect again.";
        ctx.log().deny("authorize", clientId, OAuthError.INVALID_CLIENT, null, detail);
        Responses.html(res, Status.BAD_REQUEST_400, ConsentPage.error("Unknown client", detail));
    }

    private static void appendState(StringBuilder location, Optional<String> state) {
        state.ifPresent(s -> appendParam(location, "state", s));
    }

    private static void appendParam(StringBuilder url, String name, String value) {
        url.append(url.indexOf("?") < 0 ? '?' : '&')
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private void dropExpired() {
        Instant now = ctx.now();
        pending.values().removeIf(p -> p.expiresAt().isBefore(now));
    }

    private void dropOldest() {
        pending.entrySet().stream()
                .min(Comparator.comparing(e -> e.getValue().expiresAt()))
                .ifPresent(e -> pending.remove(e.getKey()));
    }
}
