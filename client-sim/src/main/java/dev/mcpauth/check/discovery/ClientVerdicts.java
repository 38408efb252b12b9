package dev.mcpauth.check.discovery;

import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.discovery.Discovery;
import dev.mcpauth.client.discovery.DiscoveryResult;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.client.profile.RegistrationStyle;
import dev.mcpauth.client.trace.HttpExchange;
import dev.mcpauth.client.trace.RecordingHttpClient;
import dev.mcpauth.client.trace.Trace;
import dev.mcpauth.protocol.AuthorizationServerMetadata;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the client simulator's discovery once per client profile against the server, and turns its
 * outcome into a verdict. How each client walks discovery (URL order, what it checks, what it does
 * on a failed fetch) lives in {@link Discovery} and the profiles; nothing here knows a client by
 * name.
 */
final class ClientVerdicts {

    private static final String TRACE_PHASE = "connect";

    private final URI mcpUrl;
    private final URI challengeUrl;
    private final Duration timeout;

    ClientVerdicts(URI mcpUrl, String challengeUrl, Duration timeout) {
        this.mcpUrl = mcpUrl;
        this.challengeUrl = usable(challengeUrl);
        this.timeout = timeout;
    }

    List<ClientVerdict> all() {
        return Profiles.all().stream().map(this::verdict).toList();
    }

    private ClientVerdict verdict(ClientProfile profile) {
        Trace trace = new Trace();
        RecordingHttpClient http =
                new RecordingHttpClient(trace, timeout, Map.of(), HttpExchange.CLIENT);
        DiscoveryResult found;
        try {
            found = new Discovery(profile, http, trace).discover(mcpUrl, challengeUrl);
        } catch (ClientSimException e) {
            return verdict(
                    profile, ClientVerdict.FAILS, stepOf(e), e.getMessage(), trace, List.of());
        }
        if (found.defaults()) {
            return verdict(
                    profile,
                    ClientVerdict.GUESSES,
                    Step.AUTHORIZATION_SERVER,
                    "no usable authorization server metadata; guesses "
                            + found.authorizationEndpoint()
                            + ", "
                            + found.tokenEndpoint()
                            + " and "
                            + found.registrationEndpoint(),
                    trace,
                    List.of());
        }
        AuthorizationServerMetadata as = found.metadata();
        Optional<String> pkce = profile.pkceCheck().problem(as.codeChallengeMethodsSupported());
        if (pkce.isPresent()) {
            return verdict(
                    profile,
                    ClientVerdict.FAILS,
                    Step.AUTHORIZATION_SERVER,
                    pkce.get(),
                    trace,
                    List.of());
        }
        return verdict(
                profile,
                ClientVerdict.CONNECTS,
                null,
                "metadata accepted ("
                        + found.metadataUrl()
                        + "); goes on to registration and login",
                trace,
                registrationNotes(profile, as));
    }

    /** The simulator says where it failed only in words; metadata of the server is named so. */
    private static Step stepOf(ClientSimException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("authorization server") || message.contains("issuer")
                ? Step.AUTHORIZATION_SERVER
                : Step.RESOURCE_METADATA;
    }

    private static List<String> registrationNotes(
            ClientProfile profile, AuthorizationServerMetadata as) {
        var registration = profile.registration();
        List<String> notes = new ArrayList<>();
        if (registration.usesCimd(as)) {
            notes.add("uses its client ID metadata document " + registration.cimdClientId());
        } else if (as.registrationEndpoint() == null) {
            notes.add("no registration_endpoint: needs a pre-registered client id to log in");
        } else {
            String method = registration.tokenEndpointAuthMethod();
            String name = method == null ? "client_secret_basic" : method;
            List<String> supported = as.tokenEndpointAuthMethodsSupported();
            // "auto" is not a method: such a client picks one from the server's own list.
            boolean picks = RegistrationStyle.AUTO.equals(method);
            if (!picks && supported != null && !supported.contains(name)) {
                notes.add(
                        "registers with token_endpoint_auth_method "
                                + (method == null
                                        ? "unset (RFC 7591 default client_secret_basic)"
                                        : method)
                                + ", which the server does not list in "
                                + supported);
            }
        }
        return notes;
    }

    private static ClientVerdict verdict(
            ClientProfile profile,
            String outcome,
            Step step,
            String reason,
            Trace trace,
            List<String> notes) {
        List<String> fetched =
                trace.exchanges(TRACE_PHASE).stream()
                        .map(e -> e.url() + " -> " + (e.status() == 0 ? e.error() : e.status()))
                        .toList();
        return new ClientVerdict(
                profile.name(),
                profile.client(),
                outcome,
                step,
                reason,
                fetched,
                List.copyOf(notes));
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
