package dev.mcpauth.report;

import java.util.List;

/**
 * The failures the report recognizes, with what is known about each: whose fault it is, which
 * clients have it and where it was fixed. Client facts come from reading the clients' sources and
 * issue threads (VS Code: microsoft/vscode#270383, fixed by PR #270675).
 */
public enum KnownProblem {
    STALE_TOKEN(
            "stale-token-after-restart",
            "Client does not re-authenticate when its cached token is rejected after a server"
                    + " restart",
            Fault.CLIENT,
            Upstream.VSCODE,
            List.of("VS Code 1.101 to 1.105"),
            "VS Code",
            "1.106",
            "microsoft/vscode#270383, fixed by PR #270675 (2025-10-10)",
            "The server forgot its tokens when it restarted. The client sends its cached token,"
                + " gets 401 with the same scope as before and, because it retries only when the"
                + " challenged scope changes, gives up instead of registering and logging in"
                + " again.",
            "After a 401 to a request that carried a token, the client discards the token (and"
                    + " its registration) and asks the user to log in again.",
            "client-sim restart --profile vscode-1.105 --store memory"),
    STALE_CLIENT(
            "stale-client-registration",
            "Client reuses a client_id the authorization server forgot after a restart",
            Fault.SERVER,
            Upstream.SERVER,
            List.of(
                    "Python SDK (never discards client_info)",
                    "TypeScript SDK without a refresh token",
                    "VS Code 1.101 to 1.105 with the dynamic-scope workaround"),
            "VS Code",
            "1.106",
            "VS Code 1.106 (PR #270675) registers again after a rejected token",
            "The authorization server keeps its client registrations in memory and lost them on"
                + " restart; the client starts a new authorization with its cached client_id and"
                + " the authorization endpoint must not redirect back for an unknown client, so the"
                + " user is stuck at an error page.",
            "Registrations survive restarts, or the client registers again when told its client"
                    + " is unknown.",
            "client-sim restart --profile python-sdk --store memory"),
    REFRESH_LOOP(
            "refreshed-token-rejected",
            "A refresh succeeds but the new token is rejected again (loop)",
            Fault.SERVER,
            Upstream.SERVER,
            List.of("every client that refreshes on 401 (TypeScript SDK, mcp-remote, Inspector)"),
            null,
            null,
            null,
            "The token endpoint issues tokens that the resource server then refuses (audience,"
                    + " scope or key mismatch between the two, or a proxy that rewrites the"
                    + " Authorization header), so every refresh ends in another 401.",
            "A token the authorization server just issued is accepted by the resource server.",
            "client-sim connect {url} --profile ts-sdk"),
    MISSING_RESOURCE(
            "no-resource-parameter",
            "Client sends no RFC 8707 resource parameter, so the token's audience is wrong",
            Fault.CLIENT,
            Upstream.TYPESCRIPT_SDK,
            List.of("clients that omit resource in the authorization and token requests"),
            null,
            null,
            null,
            "MCP 2025-06-18 requires the resource parameter in both the authorization and the"
                    + " token request. Without it the authorization server cannot bind the token to"
                    + " this MCP server, issues it for the client itself (aud = client id), and a"
                    + " strict MCP server rejects it. This is a client bug, not a server"
                    + " misconfiguration.",
            "The authorization and token requests carry resource=<MCP server URL>; the token's"
                    + " aud names the MCP server.",
            "client-sim connect {url} --profile spec   # sends resource: compare the tokens"),
    RESOURCE_MISMATCH(
            "resource-metadata-mismatch",
            "Protected resource metadata 'resource' does not match the URL the client uses",
            Fault.SERVER,
            Upstream.SERVER,
            List.of("VS Code (checks since PR #259089)", "Python SDK", "TypeScript SDK v2"),
            null,
            null,
            null,
            "RFC 9728 section 3.3: a client must reject resource metadata whose resource differs"
                    + " from the URL it connects to. The server names one URL, the client was"
                    + " configured with another.",
            "The metadata's resource is exactly the URL clients are told to use.",
            "discover {url}"),
    MISSING_CHALLENGE(
            "401-without-challenge",
            "401 without WWW-Authenticate: the client falls back to default metadata",
            Fault.PROXY,
            Upstream.PROXY,
            List.of(
                    "VS Code (Using default auth metadata)",
                    "every client that needs resource_metadata from the challenge"),
            null,
            null,
            null,
            "The 401 reached the client without its WWW-Authenticate header (often stripped by"
                    + " a proxy or middleware), so the client never learned where the resource"
                    + " metadata and the authorization server are and guessed the MCP server's"
                    + " own origin.",
            "Every 401 carries WWW-Authenticate: Bearer resource_metadata=\"...\" (MCP"
                    + " 2025-06-18).",
            "discover {url}"),
    ISSUER_MISMATCH(
            "issuer-mismatch",
            "Authorization server metadata issuer differs from the URL it was fetched for",
            Fault.SERVER,
            Upstream.SERVER,
            List.of("TypeScript SDK v2", "Python SDK v2 and v1.x after PR #3431"),
            null,
            null,
            null,
            "RFC 8414 section 3.3: the issuer in the metadata must be identical to the"
                    + " authorization server URL it was discovered from; strict clients reject"
                    + " the metadata otherwise (VS Code does not compare them).",
            "issuer equals authorization_servers[0] byte for byte.",
            "client-sim connect {url} --profile ts-sdk-2"),
    PKCE_NOT_ADVERTISED(
            "pkce-not-advertised",
            "Authorization server metadata does not advertise PKCE S256",
            Fault.SERVER,
            Upstream.SERVER,
            List.of("TypeScript SDK", "MCP 2025-06-18 conformant clients"),
            null,
            null,
            null,
            "MCP requires clients to refuse an authorization server whose metadata lacks"
                    + " code_challenge_methods_supported with S256.",
            "code_challenge_methods_supported contains S256 (and not plain).",
            "discover {url}"),
    REGISTRATION_AUTH_METHOD(
            "registration-auth-method-rejected",
            "Client registration rejected over the default token_endpoint_auth_method",
            Fault.SERVER,
            Upstream.SERVER,
            List.of("clients that omit token_endpoint_auth_method in their registration"),
            null,
            null,
            null,
            "RFC 7591 section 2: an omitted token_endpoint_auth_method means"
                    + " client_secret_basic. A server that rejects the registration over its own"
                    + " default leaves the client without a client id.",
            "The server accepts the registration and states the method it chose.",
            "client-sim connect {url} --profile ts-sdk"),
    LOOPBACK_PORT(
            "loopback-redirect-port",
            "Loopback redirect URI refused because its port differs from the registered one",
            Fault.SERVER,
            Upstream.SERVER,
            List.of("VS Code desktop (http://127.0.0.1:33418/)", "native clients on a free port"),
            null,
            null,
            null,
            "RFC 8252 section 7.3: for a loopback IP literal the authorization server must allow"
                    + " any port, since native clients pick a free one at run time.",
            "http://127.0.0.1:<any port>/ matches a registered http://127.0.0.1/.",
            "client-sim connect {url} --profile vscode --redirect-uri http://127.0.0.1:59656/");

    private final String id;
    private final String title;
    private final Fault fault;
    private final Upstream upstream;
    private final List<String> affected;
    private final String fixedClient;
    private final String firstFixed;
    private final String references;
    private final String rootCause;
    private final String expected;
    private final String reproduce;

    KnownProblem(
            String id,
            String title,
            Fault fault,
            Upstream upstream,
            List<String> affected,
            String fixedClient,
            String firstFixed,
            String references,
            String rootCause,
            String expected,
            String reproduce) {
        this.id = id;
        this.title = title;
        this.fault = fault;
        this.upstream = upstream;
        this.affected = affected;
        this.fixedClient = fixedClient;
        this.firstFixed = firstFixed;
        this.references = references;
        this.rootCause = rootCause;
        this.expected = expected;
        this.reproduce = reproduce;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Fault fault() {
        return fault;
    }

    public Upstream upstream() {
        return upstream;
    }

    public List<String> affected() {
        return affected;
    }

    /** The client that fixed it, or null. */
    public String fixedClient() {
        return fixedClient;
    }

    /** The first version of {@link #fixedClient} with the fix, or null. */
    public String firstFixed() {
        return firstFixed;
    }

    public String references() {
        return references;
    }

    public String rootCause() {
        return rootCause;
    }

    public String expected() {
        return expected;
    }

    /**
     * The mcpauth command that reproduces it, without the leading {@code mcpauth}; {@code {url}}
     * stands for the MCP server's URL.
     */
    public String reproduce() {
        return reproduce;
    }
}
