package dev.mcpauth.client.session;

import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.cache.CachedCredentials;
import dev.mcpauth.client.oauth.ClientCredentials;
import dev.mcpauth.client.oauth.CodeVerifier;
import dev.mcpauth.client.oauth.OAuthClient;
import dev.mcpauth.client.oauth.OAuthFailure;
import dev.mcpauth.client.oauth.SimulatedPerson;
import dev.mcpauth.client.oauth.StoredTokens;
import dev.mcpauth.client.trace.RecordingHttpClient.Response;
import dev.mcpauth.client.trace.TraceEvent.Level;
import dev.mcpauth.token.Secrets;
import java.net.URI;
import java.util.List;

/**
 * The OAuth steps of one connection: the client registration it uses (stored, pre-registered, a URL
 * client id, or a new dynamic registration), the browser login with PKCE that a simulated person
 * approves, and the refresh. Results go to the connection's credential cache.
 */
final class LoginFlow {

    private final Connection c;
    private final OAuthClient oauth;
    private final SimulatedPerson person;
    private final SessionOptions options;

    LoginFlow(Connection c, OAuthClient oauth, SimulatedPerson person, SessionOptions options) {
        this.c = c;
        this.oauth = oauth;
        this.person = person;
        this.options = options;
    }

    ClientCredentials ensureClient() {
        CachedCredentials entry = c.credentials().get();
        if (entry.client() != null) {
            return entry.client();
        }
        ClientCredentials client;
        if (options.clientId() != null) {
            client =
                    new ClientCredentials(
                            options.clientId(),
                            options.clientSecret(),
                            null,
                            c.found().issuer(),
                            ClientCredentials.PRE_REGISTERED);
        } else if (usesCimd()) {
            client =
                    new ClientCredentials(
                            options.clientMetadataUrl() != null
                                    ? options.clientMetadataUrl()
                                    : c.profile().registration().cimdClientId(),
                            null,
                            "none",
                            c.found().issuer(),
                            ClientCredentials.CIMD);
        } else {
            try {
                client =
                        oauth.register(
                                c.found(),
                                c.profile()
                                        .registration()
                                        .body(c.found().metadata(), c.found().resourceMetadata()));
            } catch (OAuthFailure e) {
                throw new ClientSimException(
                        ClientSimException.Kind.AUTHORIZATION,
                        "registration failed: " + e.getMessage());
            }
        }
        c.credentials().put(c.credentials().get().withClient(client));
        return client;
    }

    private boolean usesCimd() {
        boolean advertised =
                c.found().metadata() != null
                        && Boolean.TRUE.equals(
                                c.found().metadata().clientIdMetadataDocumentSupported());
        return c.profile().registration().usesCimd(c.found().metadata())
                || advertised && options.clientMetadataUrl() != null;
    }

    /**
     * A browser login: the person approves, the code is exchanged, the tokens stored. With {@code
     * rediscover} the metadata is fetched again before the exchange, as the TS SDK's finishAuth
     * does.
     */
    StoredTokens login(List<String> scopes, boolean rediscover, Response challenged) {
        ClientCredentials client = ensureClient();
        if (c.found().metadata() != null) {
            c.profile()
                    .pkceCheck()
                    .problem(c.found().metadata().codeChallengeMethodsSupported())
                    .ifPresent(
                            p -> {
                                throw new ClientSimException(
                                        ClientSimException.Kind.BAD_METADATA, p);
                            });
        }
        CodeVerifier verifier = CodeVerifier.random();
        String state = Secrets.randomUrlSafe(16);
        String redirect = redirectUri();
        URI url =
                oauth.authorizationUrl(
                        c.found(), client, redirect, scopes, verifier, state, c.resource());
        c.personActed();
        String scopeText = String.join(" ", scopes);
        if (c.profile().isVsCode()) {
            c.log(Level.INFO, "Creating session for scopes: " + scopeText);
            c.log(Level.INFO, "Opening authorization URL for scopes: " + scopeText);
        } else {
            c.log(Level.INFO, "a person opens the authorization URL for scopes: " + scopes);
        }
        SimulatedPerson.Outcome outcome = person.authorize(url, redirect);
        if (outcome.param("error") != null) {
            throw new ClientSimException(
                    ClientSimException.Kind.AUTHORIZATION,
                    "the authorization server answered "
                            + outcome.param("error")
                            + ": "
                            + outcome.param("error_description"));
        }
        if (!state.equals(outcome.param("state")) || outcome.param("code") == null) {
            throw new ClientSimException(
                    ClientSimException.Kind.PROTOCOL,
                    "the authorization response "
                            + (outcome.param("code") == null
                                    ? "has no code"
                                    : "does not carry the state that was sent")
                            + " (RFC 6749 section 4.1.2)");
        }
        if (rediscover && challenged != null) {
            c.discover(challenged);
        }
        if (c.profile().isVsCode()) {
            c.log(Level.INFO, "Authorization code received for scopes: " + scopeText);
            c.log(Level.INFO, "Exchanging authorization code for token...");
        }
        StoredTokens tokens =
                oauth.exchangeCode(
                        c.found(),
                        client,
                        outcome.param("code"),
                        redirect,
                        verifier,
                        c.resource(),
                        String.join(" ", scopes));
        c.credentials().put(c.credentials().get().withTokens(tokens));
        if (c.profile().isVsCode()) {
            c.log(Level.INFO, "Successfully exchanged authorization code for token.");
            c.log(
                    Level.INFO,
                    "Created "
                            + (tokens.refreshToken() != null ? "refreshable" : "non-refreshable")
                            + " session for scopes: "
                            + scopeText
                            + (tokens.expiresAt() == null
                                    ? ""
                                    : " that expires in "
                                            + java.time.Duration.between(
                                                            tokens.createdAt(), tokens.expiresAt())
                                                    .toSeconds()
                                            + " seconds"));
        }
        return tokens;
    }

    StoredTokens refresh(StoredTokens tokens) {
        StoredTokens fresh =
                oauth.refresh(c.found(), c.credentials().get().client(), tokens, c.resource());
        c.credentials().put(c.credentials().get().without(tokens).withTokens(fresh));
        return fresh;
    }

    private String redirectUri() {
        return options.redirectUri() != null
                ? options.redirectUri()
                : c.profile().registration().redirectUri();
    }
}
