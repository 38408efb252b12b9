package dev.mcpauth.report;

import java.util.List;

/**
 * What can be done while a fix is not in everyone's hands, and its effect on each client. The
 * server-side workarounds are the ones {@code mcpauth server --workaround} reproduces.
 */
final class Workarounds {

    private static final String OLD_VSCODE = "VS Code <= 1.105";
    private static final String NEW_VSCODE = "VS Code >= 1.106";
    private static final String SDKS = "SDK clients (TypeScript, Python, mcp-remote, Inspector)";

    private Workarounds() {}

    static List<Workaround> forProblem(KnownProblem problem) {
        return switch (problem) {
            case STALE_TOKEN, STALE_CLIENT -> restart();
            case REFRESH_LOOP ->
                    List.of(
                            Workaround.of(
                                    "accept what you issue",
                                    "check the audience, scope and signing key the resource"
                                            + " server expects against what the token endpoint"
                                            + " issues",
                                    "every client",
                                    "fixes it"));
            case MISSING_RESOURCE ->
                    List.of(
                            Workaround.of(
                                    "default audience on the authorization server",
                                    "issue tokens for the MCP server's URL when no resource is"
                                            + " sent (for example a Keycloak audience mapper)",
                                    "clients that omit resource",
                                    "tokens get the right audience"));
            case RESOURCE_MISMATCH ->
                    List.of(
                            Workaround.of(
                                    "use the server's URL exactly",
                                    "configure the client with the resource the metadata"
                                            + " names (for a trailing '/', drop it in mcp.json)",
                                    "every client",
                                    "connects"),
                            Workaround.of(
                                    "server fix",
                                    "return a resource equal to the URL clients are told to use",
                                    "every client",
                                    "connects"));
            case MISSING_CHALLENGE ->
                    List.of(
                            Workaround.of(
                                    "keep the header",
                                    "let WWW-Authenticate through the proxy or middleware on"
                                            + " 401 responses (and expose it with CORS)",
                                    "every client",
                                    "discovers the right authorization server"));
            case ISSUER_MISMATCH ->
                    List.of(
                            Workaround.of(
                                    "one issuer",
                                    "make issuer identical to authorization_servers[0]; do not"
                                            + " rotate it",
                                    "VS Code",
                                    "no change (never compares the issuer)",
                                    "TypeScript SDK v2, Python SDK v2",
                                    "connect again"));
            case PKCE_NOT_ADVERTISED ->
                    List.of(
                            Workaround.of(
                                    "advertise S256",
                                    "list code_challenge_methods_supported: [\"S256\"] in the"
                                            + " authorization server metadata",
                                    "every client",
                                    "proceeds with PKCE"));
            case REGISTRATION_AUTH_METHOD ->
                    List.of(
                            Workaround.of(
                                    "accept the default",
                                    "accept a registration without token_endpoint_auth_method"
                                            + " and answer with the method chosen",
                                    "every client",
                                    "registers"));
            case LOOPBACK_PORT ->
                    List.of(
                            Workaround.of(
                                    "any loopback port",
                                    "match loopback IP redirect URIs without their port (RFC"
                                            + " 8252 section 7.3)",
                                    "native clients",
                                    "log in"));
        };
    }

    private static List<Workaround> restart() {
        return List.of(
                Workaround.of(
                        "persist the authorization state",
                        "keep clients and tokens across restarts (mcpauth: the default sqlite"
                                + " store)",
                        OLD_VSCODE,
                        "keeps working, no new login",
                        NEW_VSCODE,
                        "keeps working, no new login",
                        SDKS,
                        "keep working, no new login"),
                Workaround.of(
                        "upgrade VS Code",
                        "VS Code 1.106 registers again and asks for a new login after a rejected"
                                + " token",
                        OLD_VSCODE,
                        "fixed by the upgrade",
                        NEW_VSCODE,
                        "already has it",
                        SDKS,
                        "no effect"),
                Workaround.of(
                        "remove the cached registration by hand",
                        "VS Code: run 'Authentication: Remove Dynamic Authentication Providers',"
                                + " then reconnect; SDK apps: delete their stored client and"
                                + " tokens",
                        OLD_VSCODE,
                        "logs in again",
                        NEW_VSCODE,
                        "logs in again",
                        SDKS,
                        "log in again"),
                Workaround.of(
                        "dynamic-scope",
                        "the server adds a per-start scope to its challenge",
                        OLD_VSCODE,
                        "sees a scope change and logs in again, still with its cached client id",
                        NEW_VSCODE,
                        "takes the login-with-the-same-client path instead of registering again:"
                                + " worse with a memory store",
                        SDKS,
                        "request the extra scope"),
                Workaround.of(
                        "issuer-rotation",
                        "the server adds a per-start suffix to its issuer",
                        OLD_VSCODE,
                        "no effect (keys its cache on the authorization server URL)",
                        NEW_VSCODE,
                        "no effect",
                        SDKS,
                        "TypeScript SDK 2 and Python SDK 2 reject the metadata"),
                Workaround.of(
                        "invalid-token-detail",
                        "error_description says the server restarted",
                        OLD_VSCODE,
                        "ignored",
                        NEW_VSCODE,
                        "ignored",
                        SDKS,
                        "ignored; helps people reading logs"),
                Workaround.of(
                        "as-url-rotation",
                        "a per-start authorization server URL in the resource metadata",
                        OLD_VSCODE,
                        "registers again and logs in, leaving a dead entry per restart",
                        NEW_VSCODE,
                        "works, but is unnecessary",
                        SDKS,
                        "rediscover and register again"));
    }
}
