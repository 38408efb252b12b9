package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.check.Exchange;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.FetchFailure;
import dev.mcpauth.client.profile.MetadataFallback;
import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.protocol.AuthorizationServerMetadata;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.ProtectedResourceMetadata;
import dev.mcpauth.protocol.WellKnown;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks discovery once per client profile, in that client's URL order and with its checks, over the
 * answers already recorded (a URL only one client visits is fetched then). The rules come from
 * {@link ClientProfile}; nothing here knows a client by name.
 */
final class ClientVerdicts {

    private final Recorder recorder;
    private final URI mcpUrl;
    private final URI challengeUrl;

    ClientVerdicts(Recorder recorder, URI mcpUrl, String challengeUrl) {
        this.recorder = recorder;
        this.mcpUrl = mcpUrl;
        this.challengeUrl = usable(challengeUrl);
    }

    List<ClientVerdict> all() {
        return Profiles.all().stream().map(this::walk).toList();
    }

    private ClientVerdict walk(ClientProfile profile) {
        Walk walk = new Walk(profile);
        return walk.run();
    }

    /** One client's way through discovery. */
    private final class Walk {
        private final ClientProfile profile;
        private final List<String> fetched = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Walk(ClientProfile profile) {
            this.profile = profile;
        }

        ClientVerdict run() {
            ProtectedResourceMetadata prm = null;
            for (URI url : profile.resourceMetadataUrls(mcpUrl, challengeUrl)) {
                Exchange answer = fetch(url);
                Optional<JsonNode> doc = document(answer);
                if (doc.isEmpty()) {
                    FetchFailure next = onFailure(profile.resourceMetadataFailure(), answer);
                    if (next == FetchFailure.FAIL) {
                        return fail(Step.RESOURCE_METADATA, url + " answered " + status(answer));
                    }
                    if (next == FetchFailure.STOP) {
                        break;
                    }
                    continue;
                }
                prm = Json.mapper().convertValue(doc.get(), ProtectedResourceMetadata.class);
                Optional<String> problem =
                        profile.resourceCheck().problem(mcpUrl, url, prm.resource());
                if (problem.isPresent()) {
                    return fail(Step.RESOURCE_METADATA, problem.get());
                }
                break;
            }
            if (prm == null) {
                notes.add("no resource metadata; uses the MCP origin as authorization server");
            }
            return authorizationServer(prm);
        }

        private ClientVerdict authorizationServer(ProtectedResourceMetadata prm) {
            URI asUrl = profile.authorizationServerUrl(mcpUrl, prm);
            boolean fromPrm =
                    prm != null
                            && prm.authorizationServers() != null
                            && !prm.authorizationServers().isEmpty();
            for (URI url : profile.authorizationServerMetadataUrls(asUrl, fromPrm)) {
                Exchange answer = fetch(url);
                Optional<JsonNode> doc = document(answer);
                if (doc.isEmpty()) {
                    FetchFailure next = onFailure(profile.authorizationServerFailure(), answer);
                    if (next == FetchFailure.FAIL) {
                        return fail(Step.AUTHORIZATION_SERVER, url + " answered " + status(answer));
                    }
                    if (next == FetchFailure.STOP) {
                        break;
                    }
                    continue;
                }
                var as = Json.mapper().convertValue(doc.get(), AuthorizationServerMetadata.class);
                return checkMetadata(asUrl, as);
            }
            return withoutMetadata(asUrl);
        }

        private ClientVerdict checkMetadata(URI asUrl, AuthorizationServerMetadata as) {
            Optional<String> issuer = profile.issuerCheck().problem(asUrl.toString(), as.issuer());
            if (issuer.isPresent()) {
                return fail(Step.AUTHORIZATION_SERVER, issuer.get());
            }
            Optional<String> pkce = profile.pkceCheck().problem(as.codeChallengeMethodsSupported());
            if (pkce.isPresent()) {
                return fail(Step.AUTHORIZATION_SERVER, pkce.get());
            }
            noteRegistration(as);
            return new ClientVerdict(
                    profile.name(),
                    profile.client(),
                    ClientVerdict.CONNECTS,
                    null,
                    "metadata accepted; goes on to registration and login",
                    List.copyOf(fetched),
                    List.copyOf(notes));
        }

        private void noteRegistration(AuthorizationServerMetadata as) {
            var registration = profile.registration();
            if (registration.usesCimd(as)) {
                notes.add("uses its client ID metadata document " + registration.cimdClientId());
                return;
            }
            if (as.registrationEndpoint() == null) {
                notes.add("no registration_endpoint: needs a pre-registered client id to log in");
                return;
            }
            String method =
                    registration.tokenEndpointAuthMethod() == null
                            ? "client_secret_basic (RFC 7591 default; the client sends none)"
                            : registration.tokenEndpointAuthMethod();
            List<String> supported = as.tokenEndpointAuthMethodsSupported();
            String name = method.split(" ")[0];
            if (supported != null && !supported.contains(name)) {
                notes.add(
                        "registers with token_endpoint_auth_method "
                                + method
                                + ", which the server does not list "
                                + supported);
            }
        }

        private ClientVerdict withoutMetadata(URI asUrl) {
            MetadataFallback fallback = profile.fallback();
            if (fallback == MetadataFallback.REFUSE) {
                return fail(
                        Step.AUTHORIZATION_SERVER,
                        "no authorization server metadata at any of " + fetched);
            }
            String base =
                    fallback == MetadataFallback.DEFAULT_ENDPOINTS_ON_MCP_ORIGIN
                            ? WellKnown.origin(mcpUrl)
                            : WellKnown.origin(asUrl);
            return new ClientVerdict(
                    profile.name(),
                    profile.client(),
                    ClientVerdict.GUESSES,
                    Step.AUTHORIZATION_SERVER,
                    "no authorization server metadata; guesses "
                            + base
                            + "/authorize, /token and /register",
                    List.copyOf(fetched),
                    List.copyOf(notes));
        }

        private Exchange fetch(URI url) {
            fetched.add(url.toString());
            return recorder.get(Step.CLIENTS, "as " + profile.name() + " does", url);
        }

        private ClientVerdict fail(Step step, String reason) {
            return new ClientVerdict(
                    profile.name(),
                    profile.client(),
                    ClientVerdict.FAILS,
                    step,
                    reason,
                    List.copyOf(fetched),
                    List.copyOf(notes));
        }
    }

    /** A redirect, a refusal or a body that is not a JSON object all count as failures. */
    private static Optional<JsonNode> document(Exchange answer) {
        if (!answer.ok() || answer.truncated()) {
            return Optional.empty();
        }
        return Documents.parse(answer.body());
    }

    private static FetchFailure onFailure(FetchFailure.Rule rule, Exchange answer) {
        if (!answer.answered()) {
            return FetchFailure.FAIL;
        }
        return rule.onStatus(answer.ok() ? 400 : answer.status());
    }

    private static String status(Exchange answer) {
        if (!answer.answered()) {
            return "nothing (" + answer.error() + ")";
        }
        return answer.ok() ? "200 with a body that is not a JSON object" : "" + answer.status();
    }

    private static URI usable(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            return uri.getScheme() != null && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
