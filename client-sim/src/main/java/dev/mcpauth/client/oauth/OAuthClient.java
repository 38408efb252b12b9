package dev.mcpauth.client.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.discovery.DiscoveryResult;
import dev.mcpauth.client.trace.RecordingHttpClient;
import dev.mcpauth.client.trace.RecordingHttpClient.Response;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client side of OAuth 2.1 for MCP: dynamic registration (RFC 7591), the authorization request
 * with PKCE S256, {@code state} and {@code resource} (RFC 7636, RFC 8707), and the token endpoint
 * with the client authentication the server chose (RFC 6749 section 2.3), for codes and refreshes.
 */
public final class OAuthClient {

    private final RecordingHttpClient http;

    public OAuthClient(RecordingHttpClient http) {
        this.http = http;
    }

    /** Registers; an error answer is an {@link OAuthFailure}. */
    public ClientCredentials register(DiscoveryResult found, ObjectNode body) {
        String endpoint = found.registrationEndpoint();
        if (endpoint == null) {
            throw new ClientSimException(
                    ClientSimException.Kind.AUTHORIZATION,
                    "the authorization server offers no registration_endpoint and this client has"
                            + " no client id; pre-register one and pass --client-id");
        }
        Response res =
                http.send(
                        "POST",
                        URI.create(endpoint),
                        Map.of("Content-Type", "application/json", "Accept", "application/json"),
                        Json.write(body));
        JsonNode json = parse(res, "registration endpoint " + endpoint);
        if (!res.ok() || !json.hasNonNull("client_id")) {
            throw failure("registration endpoint", res, json);
        }
        String method =
                json.hasNonNull("token_endpoint_auth_method")
                        ? json.get("token_endpoint_auth_method").asText()
                        : body.path("token_endpoint_auth_method").asText(null);
        return new ClientCredentials(
                json.get("client_id").asText(),
                json.hasNonNull("client_secret") ? json.get("client_secret").asText() : null,
                method,
                found.issuer(),
                ClientCredentials.REGISTERED);
    }

    public URI authorizationUrl(
            DiscoveryResult found,
            ClientCredentials client,
            String redirectUri,
            List<String> scopes,
            CodeVerifier verifier,
            String state,
            String resource) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", client.clientId());
        params.put("code_challenge", verifier.challenge());
        params.put("code_challenge_method", "S256");
        params.put("redirect_uri", redirectUri);
        params.put("state", state);
        if (!scopes.isEmpty()) {
            params.put("scope", String.join(" ", scopes));
        }
        if (resource != null) {
            params.put("resource", resource);
        }
        String base = found.authorizationEndpoint();
        return URI.create(base + (base.contains("?") ? "&" : "?") + form(params));
    }

    public StoredTokens exchangeCode(
            DiscoveryResult found,
            ClientCredentials client,
            String code,
            String redirectUri,
            CodeVerifier verifier,
            String resource,
            String requestedScope) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("redirect_uri", redirectUri);
        params.put("code_verifier", verifier.verifier());
        if (resource != null) {
            params.put("resource", resource);
        }
        return tokenRequest(found, client, params, requestedScope, null);
    }

    public StoredTokens refresh(
            DiscoveryResult found, ClientCredentials client, StoredTokens tokens, String resource) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "refresh_token");
        params.put("refresh_token", tokens.refreshToken());
        if (resource != null) {
            params.put("resource", resource);
        }
        return tokenRequest(found, client, params, tokens.requestedScope(), tokens.refreshToken());
    }

    private StoredTokens tokenRequest(
            DiscoveryResult found,
            ClientCredentials client,
            Map<String, String> params,
            String requestedScope,
            String previousRefresh) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        String method = authMethod(found, client);
        switch (method) {
            case "client_secret_basic" ->
                    headers.put(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    (urlEncode(client.clientId())
                                                                    + ":"
                                                                    + urlEncode(
                                                                            client.clientSecret()))
                                                            .getBytes(StandardCharsets.UTF_8)));
            case "client_secret_post" -> {
                params.put("client_id", client.clientId());
                params.put("client_secret", client.clientSecret());
            }
            default -> params.put("client_id", client.clientId());
        }
        String endpoint = found.tokenEndpoint();
        Response res = http.send("POST", URI.create(endpoint), headers, form(params));
        JsonNode json = parse(res, "token endpoint " + endpoint);
        if (!res.ok() || !json.hasNonNull("access_token")) {
            throw failure("token endpoint", res, json);
        }
        Instant now = Instant.now();
        long expiresIn = json.path("expires_in").asLong(0);
        return new StoredTokens(
                json.get("access_token").asText(),
                json.hasNonNull("refresh_token")
                        ? json.get("refresh_token").asText()
                        : previousRefresh,
                json.path("scope").asText(requestedScope),
                requestedScope,
                now,
                expiresIn > 0 ? now.plusSeconds(expiresIn) : null,
                found.issuer());
    }

    /**
     * The method the server chose at registration when the metadata allows it; else, with a secret,
     * Basic when listed (the RFC 7591 default), then the body; without one, none.
     */
    static String authMethod(DiscoveryResult found, ClientCredentials client) {
        List<String> supported =
                found.metadata() == null
                        ? null
                        : found.metadata().tokenEndpointAuthMethodsSupported();
        String chosen = client.tokenEndpointAuthMethod();
        boolean secret = client.clientSecret() != null;
        if (chosen != null
                && (supported == null || supported.contains(chosen))
                && (chosen.equals("none") || secret)) {
            return chosen;
        }
        if (!secret) {
            return "none";
        }
        if (supported == null || supported.contains("client_secret_basic")) {
            return "client_secret_basic";
        }
        return supported.contains("client_secret_post") ? "client_secret_post" : "none";
    }

    private static JsonNode parse(Response res, String what) {
        String body = res.body() == null ? "" : res.body().strip();
        try {
            JsonNode node = body.isEmpty() ? null : Json.mapper().readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // Reported below with the status, which says more than the parser.
        }
        if (!res.ok()) {
            return Json.mapper().createObjectNode();
        }
        throw new ClientSimException(
                ClientSimException.Kind.PROTOCOL,
                "the " + what + " answered " + res.status() + " without a JSON object");
    }

    private static OAuthFailure failure(String endpoint, Response res, JsonNode json) {
        return new OAuthFailure(
                endpoint,
                res.status(),
                json.path("error").asText(null),
                json.path("error_description").asText(null));
    }

    private static String form(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach(
                (k, v) -> {
                    if (out.length() > 0) {
                        out.append('&');
                    }
                    out.append(urlEncode(k)).append('=').append(urlEncode(v));
                });
        return out.toString();
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
