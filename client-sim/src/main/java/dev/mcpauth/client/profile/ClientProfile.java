package dev.mcpauth.client.profile;

import dev.mcpauth.protocol.ProtectedResourceMetadata;
import dev.mcpauth.protocol.WellKnown;
import java.net.URI;
import java.util.List;

/**
 * One real MCP client as data plus a small strategy: where it looks for metadata and what it
 * checks, how it registers, what it does on a 401 or 403, when it refreshes, how it keys its cache.
 * The facts come from the research notes on client behaviour; {@link Profiles} holds the profiles.
 * Other commands (the metadata checker) read the discovery and check members to judge a server the
 * way each client would.
 *
 * @param name the profile id on the command line, such as {@code vscode-1.105}
 * @param client the real client and versions it stands for
 * @param resourceMetadata the order of protected resource metadata URLs
 * @param resourceMetadataFailure what a non-200 resource metadata response leads to
 * @param resourceCheck how the document's {@code resource} is compared with the MCP URL
 * @param authorizationServer the order of authorization server metadata URLs
 * @param authorizationServerFailure what a non-200 metadata response leads to
 * @param issuerCheck how {@code issuer} is compared with the authorization server URL
 * @param pkceCheck what is required of {@code code_challenge_methods_supported}
 * @param fallback what happens when no authorization server metadata could be read
 * @param registration the registration body and redirect URI
 * @param recovery what happens on 401 and 403
 * @param refresh when the refresh token is used
 * @param firstRequestWithoutToken whether each new connection starts without a token
 * @param maxAuthorizationAttempts authorization attempts per connection before giving up
 * @param cacheKey how stored credentials are keyed
 * @param userAgent the User-Agent header sent on every request, or null for the Java default
 * @param vscodeLog whether traces are written in VS Code's output-channel format
 */
public record ClientProfile(
        String name,
        String client,
        ResourceMetadataOrder resourceMetadata,
        FetchFailure.Rule resourceMetadataFailure,
        ResourceCheck resourceCheck,
        AuthorizationServerOrder authorizationServer,
        FetchFailure.Rule authorizationServerFailure,
        IssuerCheck issuerCheck,
        PkceCheck pkceCheck,
        MetadataFallback fallback,
        RegistrationStyle registration,
        RecoveryKind recovery,
        RefreshPolicy refresh,
        boolean firstRequestWithoutToken,
        int maxAuthorizationAttempts,
        CacheKey cacheKey,
        String userAgent,
        boolean vscodeLog) {

    /** The protected resource metadata URLs to try, in this client's order. */
    public List<URI> resourceMetadataUrls(URI mcpUrl, URI challengeUrl) {
        return resourceMetadata.urls(mcpUrl, challengeUrl);
    }

    /**
     * The authorization server URL: {@code authorization_servers[0]} of the resource metadata, else
     * the MCP origin (every profile here does the same).
     */
    public URI authorizationServerUrl(URI mcpUrl, ProtectedResourceMetadata prm) {
        if (prm != null
                && prm.authorizationServers() != null
                && !prm.authorizationServers().isEmpty()) {
            return URI.create(prm.authorizationServers().get(0));
        }
        return URI.create(WellKnown.origin(mcpUrl));
    }

    /** The authorization server metadata URLs to try, in this client's order. */
    public List<URI> authorizationServerMetadataUrls(URI asUrl, boolean fromResourceMetadata) {
        return authorizationServer.urls(asUrl, fromResourceMetadata);
    }

    public boolean isVsCode() {
        return vscodeLog;
    }
}
