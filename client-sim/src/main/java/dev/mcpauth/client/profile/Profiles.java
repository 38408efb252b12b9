package dev.mcpauth.client.profile;

import java.util.List;
import java.util.Optional;

/**
 * The simulated clients. Each constant cites what it is modelled on; where the notes give no fact
 * (a client name, a redirect port) the value is a plausible stand-in and says so.
 */
public final class Profiles {

    /** VS Code's registered redirect URIs (oauth.ts fetchDynamicRegistration). */
    private static final List<String> VSCODE_REDIRECTS =
            List.of(
                    "https://insiders.vscode.dev/redirect",
                    "https://vscode.dev/redirect",
                    "http://127.0.0.1/",
                    "http://127.0.0.1:33418/");

    private static final List<String> SDK_GRANTS = List.of("authorization_code", "refresh_token");

    /**
     * VS Code 1.101 to 1.105: retries a 401 only when the challenged scopes change (vscode issue
     * 270383, the client of the original report).
     */
    public static final ClientProfile VSCODE_1_105 =
            vscode("vscode-1.105", "VS Code 1.101-1.105", "1.105.1", null, false);

    /**
     * VS Code 1.106 and later: a 401 on a request that carried a token drops the registration and
     * logs in again (PR 270675); CIMD when advertised (PR 271403); the newest resource metadata
     * order (PR 282961).
     */
    public static final ClientProfile VSCODE =
            vscode(
                    "vscode",
                    "VS Code 1.106 and later",
                    "1.106.0",
                    "https://vscode.dev/oauth/client-metadata.json",
                    true);

    /** TypeScript SDK 1.x ({@code @modelcontextprotocol/sdk} up to 1.32). */
    public static final ClientProfile TS_SDK =
            new ClientProfile(
                    "ts-sdk",
                    "TypeScript SDK 1.x",
                    ResourceMetadataOrder.HEADER_ONLY_ELSE_WELL_KNOWN,
                    FetchFailure.CLIENT_ERRORS_NEXT,
                    ResourceCheck.SAME_ORIGIN_PREFIX,
                    AuthorizationServerOrder.SPECIFICATION,
                    FetchFailure.CLIENT_ERRORS_NEXT,
                    IssuerCheck.PRESENT,
                    PkceCheck.REFUSE_LIST_WITHOUT_S256,
                    MetadataFallback.DEFAULT_ENDPOINTS_ON_AS_ORIGIN,
                    sdkRegistration(
                            "MCP client (TypeScript SDK)", "http://localhost:8090/callback", null),
                    RecoveryKind.TS_SDK,
                    RefreshPolicy.ON_UNAUTHORIZED,
                    false,
                    2,
                    CacheKey.SERVER_URL,
                    "node",
                    false);

    /**
     * TypeScript SDK 2.0 ({@code @modelcontextprotocol/client}): the issuer echo check and
     * issuer-bound credentials on top of 1.x.
     */
    public static final ClientProfile TS_SDK_2 =
            new ClientProfile(
                    "ts-sdk-2",
                    "TypeScript SDK 2.0",
                    ResourceMetadataOrder.HEADER_ONLY_ELSE_WELL_KNOWN,
                    FetchFailure.CLIENT_ERRORS_AND_502_NEXT,
                    ResourceCheck.SAME_ORIGIN_PREFIX,
                    AuthorizationServerOrder.SPECIFICATION,
                    FetchFailure.CLIENT_ERRORS_AND_502_NEXT,
                    IssuerCheck.EQUAL_IGNORING_TRAILING_SLASH,
                    PkceCheck.REFUSE_LIST_WITHOUT_S256,
                    MetadataFallback.DEFAULT_ENDPOINTS_ON_AS_ORIGIN,
                    sdkRegistration(
                            "MCP client (TypeScript SDK 2)",
                            "http://localhost:8090/callback",
                            null),
                    RecoveryKind.TS_SDK,
                    RefreshPolicy.ON_UNAUTHORIZED,
                    false,
                    2,
                    CacheKey.SERVER_URL_ISSUER_BOUND,
                    "node",
                    false);

    /** Python SDK 1.29 ({@code mcp}, OAuthClientProvider), before the issuer check of PR 3431. */
    public static final ClientProfile PYTHON_SDK =
            new ClientProfile(
                    "python-sdk",
                    "Python SDK 1.29",
                    ResourceMetadataOrder.HEADER_THEN_WELL_KNOWN,
                    FetchFailure.ANY_NEXT,
                    ResourceCheck.EXACT,
                    AuthorizationServerOrder.PYTHON_SDK,
                    FetchFailure.PYTHON_AS,
                    IssuerCheck.PRESENT,
                    PkceCheck.NOT_CHECKED,
                    MetadataFallback.DEFAULT_ENDPOINTS_ON_AS_ORIGIN,
                    sdkRegistration(
                            "MCP client (Python SDK)",
                            "http://localhost:3030/callback",
                            "client_secret_post"),
                    RecoveryKind.PYTHON_SDK,
                    RefreshPolicy.PROACTIVE_IN_PROCESS,
                    false,
                    1,
                    CacheKey.SERVER_URL,
                    "python-httpx/0.28.1",
                    false);

    /**
     * What MCP 2025-11-25 asks of a client, done best: fallbacks in the specified order, strict
     * issuer and resource checks, S256 required, refresh, registration again on invalid_client,
     * step-up on insufficient_scope, at most three authorization attempts.
     */
    public static final ClientProfile SPEC =
            new ClientProfile(
                    "spec",
                    "MCP 2025-11-25 specification",
                    ResourceMetadataOrder.HEADER_THEN_WELL_KNOWN,
                    FetchFailure.ANY_NEXT,
                    ResourceCheck.EXACT,
                    AuthorizationServerOrder.SPECIFICATION,
                    FetchFailure.ANY_NEXT,
                    IssuerCheck.IDENTICAL,
                    PkceCheck.REQUIRE_S256_ADVERTISED,
                    MetadataFallback.REFUSE,
                    new RegistrationStyle(
                            "mcpauth client-sim",
                            null,
                            List.of("http://127.0.0.1:8765/callback"),
                            "http://127.0.0.1:8765/callback",
                            RegistrationStyle.AUTO,
                            SDK_GRANTS,
                            true,
                            "native",
                            true,
                            "https://mcpauth.dev/client-sim/client-metadata.json"),
                    RecoveryKind.SPEC,
                    RefreshPolicy.PROACTIVE_AND_ON_UNAUTHORIZED,
                    false,
                    3,
                    CacheKey.SERVER_URL_ISSUER_BOUND,
                    "mcpauth-client-sim",
                    false);

    private static final List<ClientProfile> ALL =
            List.of(VSCODE_1_105, VSCODE, TS_SDK, TS_SDK_2, PYTHON_SDK, SPEC);

    private Profiles() {}

    public static List<ClientProfile> all() {
        return ALL;
    }

    public static Optional<ClientProfile> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ClientProfile::name).toList();
    }

    private static ClientProfile vscode(
            String name, String client, String version, String cimd, boolean forced) {
        return new ClientProfile(
                name,
                client,
                forced
                        ? ResourceMetadataOrder.HEADER_THEN_WELL_KNOWN
                        : ResourceMetadataOrder.HEADER_ONLY_ELSE_WELL_KNOWN,
                FetchFailure.ANY_NEXT,
                forced ? ResourceCheck.EXACT_ROOT_AGAINST_ORIGIN : ResourceCheck.EXACT,
                AuthorizationServerOrder.VSCODE,
                FetchFailure.ANY_NEXT,
                IssuerCheck.PRESENT,
                PkceCheck.NOT_CHECKED,
                MetadataFallback.DEFAULT_ENDPOINTS_ON_MCP_ORIGIN,
                new RegistrationStyle(
                        "Visual Studio Code",
                        "https://code.visualstudio.com",
                        VSCODE_REDIRECTS,
                        "http://127.0.0.1:33418/",
                        "none",
                        null,
                        true,
                        "native",
                        true,
                        cimd),
                forced
                        ? RecoveryKind.VSCODE_FORCED_REREGISTRATION
                        : RecoveryKind.VSCODE_SCOPE_CHANGE_ONLY,
                RefreshPolicy.PROACTIVE_ONLY,
                true,
                forced ? 2 : 1,
                CacheKey.VSCODE_PROVIDER,
                "Visual Studio Code/" + version,
                true);
    }

    /** The registration of an SDK example app; names and ports are stand-ins. */
    private static RegistrationStyle sdkRegistration(
            String clientName, String redirectUri, String authMethod) {
        return new RegistrationStyle(
                clientName,
                null,
                List.of(redirectUri),
                redirectUri,
                authMethod == null ? "none" : authMethod,
                SDK_GRANTS,
                true,
                null,
                true,
                null);
    }
}
