package dev.mcpauth.client.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.FetchFailure;
import dev.mcpauth.client.profile.MetadataFallback;
import dev.mcpauth.client.profile.RecoveryKind;
import dev.mcpauth.client.trace.RecordingHttpClient;
import dev.mcpauth.client.trace.RecordingHttpClient.Response;
import dev.mcpauth.client.trace.Trace;
import dev.mcpauth.client.trace.TraceEvent.Level;
import dev.mcpauth.protocol.AuthorizationServerMetadata;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.ProtectedResourceMetadata;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata discovery as one profile does it: protected resource metadata (RFC 9728), then the
 * authorization server metadata (RFC 8414, OIDC Discovery), in the profile's URL order, with its
 * checks and its fallback. A document that cannot be parsed moves on like a failed fetch; when
 * nothing usable is left, the first such problem is the error.
 */
public final class Discovery {

    private final ClientProfile profile;
    private final RecordingHttpClient http;
    private final Trace trace;

    public Discovery(ClientProfile profile, RecordingHttpClient http, Trace trace) {
        this.profile = profile;
        this.http = http;
        this.trace = trace;
    }

    public DiscoveryResult discover(URI mcpUrl, URI challengeUrl) {
        Found<ProtectedResourceMetadata> prm = findResourceMetadata(mcpUrl, challengeUrl);
        URI asUrl = profile.authorizationServerUrl(mcpUrl, prm.document());
        boolean fromPrm = prm.document() != null && asUrl != null && hasServers(prm.document());
        log(oldVsCode() ? Level.DEBUG : Level.INFO, "Using auth server metadata url: " + asUrl);
        Found<AuthorizationServerMetadata> as = findServerMetadata(asUrl, fromPrm);
        if (as.document() != null) {
            log(Level.INFO, "Populated auth metadata");
            return new DiscoveryResult(
                    prm.url(), prm.document(), asUrl, as.url(), as.document(), false, asUrl);
        }
        if (as.problem() != null && as.fatal()) {
            throw new ClientSimException(ClientSimException.Kind.BAD_METADATA, as.problem());
        }
        return fallback(mcpUrl, prm, asUrl, as);
    }

    private DiscoveryResult fallback(
            URI mcpUrl,
            Found<ProtectedResourceMetadata> prm,
            URI asUrl,
            Found<AuthorizationServerMetadata> as) {
        if (profile.fallback() == MetadataFallback.REFUSE || as.problem() != null) {
            throw new ClientSimException(
                    ClientSimException.Kind.BAD_METADATA,
                    as.problem() != null
                            ? as.problem()
                            : "no authorization server metadata at "
                                    + profile.authorizationServerMetadataUrls(asUrl, true)
                                    + "; the "
                                    + profile.name()
                                    + " profile does not guess endpoints");
        }
        log(Level.INFO, "Using default auth metadata");
        URI base =
                profile.fallback() == MetadataFallback.DEFAULT_ENDPOINTS_ON_MCP_ORIGIN
                        ? mcpUrl
                        : asUrl;
        return new DiscoveryResult(prm.url(), prm.document(), asUrl, null, null, true, base);
    }

    private static boolean hasServers(ProtectedResourceMetadata prm) {
        return prm.authorizationServers() != null && !prm.authorizationServers().isEmpty();
    }

    /** A document found at a URL, or the first problem met while looking for one. */
    private record Found<T>(URI url, T document, String problem, boolean fatal) {}

    private Found<ProtectedResourceMetadata> findResourceMetadata(URI mcpUrl, URI challengeUrl) {
        String problem = null;
        for (URI url : profile.resourceMetadataUrls(mcpUrl, challengeUrl)) {
            Response res = http.get(url, Map.of("Accept", "application/json"));
            if (res.status() != 200) {
                log(
                        Level.WARNING,
                        "Error fetching resource metadata: Failed to fetch resource"
                                + " metadata from "
                                + url
                                + ": "
                                + res.status());
                if (profile.resourceMetadataFailure().onStatus(res.status()) == FetchFailure.FAIL) {
                    throw new ClientSimException(
                            ClientSimException.Kind.BAD_METADATA,
                            "resource metadata at " + url + " answered " + res.status());
                }
                continue;
            }
            Optional<ProtectedResourceMetadata> doc =
                    parse(res.body(), ProtectedResourceMetadata.class);
            String why =
                    doc.isEmpty()
                            ? "the resource metadata at " + url + " is not a JSON object"
                            : profile.resourceCheck()
                                    .problem(mcpUrl, url, doc.get().resource())
                                    .orElse(null);
            if (why == null) {
                if (!oldVsCode()) {
                    log(Level.INFO, "Discovered resource metadata at " + url);
                }
                return new Found<>(url, doc.get(), null, false);
            }
            log(Level.WARNING, "Error fetching resource metadata: " + why);
            problem = problem == null ? why : problem;
        }
        if (problem != null) {
            throw new ClientSimException(ClientSimException.Kind.BAD_METADATA, problem);
        }
        log(Level.WARNING, "Could not fetch resource metadata: none of the URLs answered 200");
        return new Found<>(null, null, null, false);
    }

    private Found<AuthorizationServerMetadata> findServerMetadata(URI asUrl, boolean fromPrm) {
        log(Level.DEBUG, "Fetching auth server metadata for: " + asUrl + " ...");
        String problem = null;
        for (URI url : profile.authorizationServerMetadataUrls(asUrl, fromPrm)) {
            Response res = http.get(url, Map.of("Accept", "application/json"));
            if (res.status() != 200) {
                FetchFailure next = profile.authorizationServerFailure().onStatus(res.status());
                if (next == FetchFailure.FAIL) {
                    return new Found<>(
                            url,
                            null,
                            "authorization server metadata at " + url + " answered " + res.status(),
                            true);
                }
                if (next == FetchFailure.STOP) {
                    break;
                }
                continue;
            }
            Optional<AuthorizationServerMetadata> doc =
                    parse(res.body(), AuthorizationServerMetadata.class);
            if (doc.isEmpty()
                    || doc.get().authorizationEndpoint() == null
                    || doc.get().tokenEndpoint() == null) {
                String why =
                        "the authorization server metadata at "
                                + url
                                + " is not a JSON object with authorization_endpoint and"
                                + " token_endpoint";
                log(Level.WARNING, "Error fetching authorization server metadata: " + why);
                problem = problem == null ? why : problem;
                continue;
            }
            Optional<String> issuer =
                    profile.issuerCheck().problem(asUrl.toString(), doc.get().issuer());
            if (issuer.isPresent() && doc.get().issuer() != null) {
                return new Found<>(url, null, issuer.get(), true);
            }
            if (issuer.isPresent()) {
                problem = problem == null ? issuer.get() : problem;
                continue;
            }
            if (!oldVsCode()) {
                log(Level.INFO, "Discovered authorization server metadata at " + url);
            }
            return new Found<>(url, doc.get(), null, false);
        }
        if (problem == null) {
            log(
                    Level.WARNING,
                    "Error populating auth server metadata for " + asUrl + ": no document found");
        }
        return new Found<>(null, null, problem, false);
    }

    private static <T> Optional<T> parse(String body, Class<T> type) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.mapper().readValue(body, type));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** VS Code up to 1.105 logs the older discovery lines (extHostMcp.ts at 67cc69f8). */
    private boolean oldVsCode() {
        return profile.recovery() == RecoveryKind.VSCODE_SCOPE_CHANGE_ONLY;
    }

    private void log(Level level, String message) {
        trace.log(level, message);
    }

    /**
     * The scopes a client asks for: the challenge's, else the resource's, else (VS Code only) the
     * authorization server's, else none.
     */
    public static List<String> scopes(
            String challengeScope, DiscoveryResult found, boolean serverScopes) {
        if (challengeScope != null && !challengeScope.isBlank()) {
            return List.of(challengeScope.trim().split("\\s+"));
        }
        ProtectedResourceMetadata prm = found.resourceMetadata();
        if (prm != null && prm.scopesSupported() != null && !prm.scopesSupported().isEmpty()) {
            return prm.scopesSupported();
        }
        if (serverScopes
                && found.metadata() != null
                && found.metadata().scopesSupported() != null) {
            return found.metadata().scopesSupported();
        }
        return List.of();
    }
}
