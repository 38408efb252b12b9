package dev.mcpauth.server.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.OAuthError;
import dev.mcpauth.server.ServerContext;
import dev.mcpauth.server.http.Responses;
import dev.mcpauth.store.RegisteredClient;
import dev.mcpauth.token.Secrets;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dynamic client registration, RFC 7591 section 3. Omitted members get the server's choice, which
 * is returned explicitly in the response (section 3.2.1); a value the server filled in itself is
 * never the reason for a rejection (field case 18).
 */
public final class RegistrationEndpoint {

    static final Set<String> AUTH_METHODS =
            Set.of("none", "client_secret_post", "client_secret_basic");

    /** RFC 7591 section 2: the default when the client says nothing. */
    static final String DEFAULT_AUTH_METHOD = "client_secret_basic";

    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");
    private static final int MAX_BODY = 64 * 1024;

    private final ServerContext ctx;

    public RegistrationEndpoint(ServerContext ctx) {
        this.ctx = ctx;
    }

    public void handle(ServerRequest req, ServerResponse res) throws IOException {
        ObjectNode body;
        try {
            body = readBody(req);
        } catch (IllegalArgumentException e) {
            reject(res, OAuthError.INVALID_CLIENT_METADATA, e.getMessage());
            return;
        }
        Optional<String> problem = Optional.ofNullable(problemWith(body));
        if (problem.isPresent()) {
            String code =
                    problem.get().startsWith("redirect_uri")
                            ? OAuthError.INVALID_REDIRECT_URI
                            : OAuthError.INVALID_CLIENT_METADATA;
            reject(res, code, problem.get());
            return;
        }
        register(body, res);
    }

    private void register(ObjectNode body, ServerResponse res) {
        String method = text(body, "token_endpoint_auth_method").orElse(DEFAULT_AUTH_METHOD);
        String clientId = Secrets.randomUrlSafe(16);
        String secret = method.equals("none") ? null : Secrets.randomUrlSafe(32);
        long issuedAt = ctx.now().getEpochSecond();

        ObjectNode registered = body.deepCopy();
        registered.put("token_endpoint_auth_method", method);
        if (!registered.has("grant_types")) {
            registered.set("grant_types", array(GRANT_TYPES.stream().sorted().toList()));
        }
        if (!registered.has("response_types")) {
            registered.set("response_types", array(List.of("code")));
        }
        registered.put("client_id", clientId);
        registered.put("client_id_issued_at", issuedAt);

        RegisteredClient client =
                new RegisteredClient(
                        clientId,
                        secret == null ? null : Secrets.hash(secret),
                        method,
                        strings(registered.get("redirect_uris")),
                        text(body, "client_name").orElse(null),
                        strings(registered.get("grant_types")),
                        Json.write(registered),
                        ctx.now());
        ctx.store().saveClient(client);
        ctx.log().allow("register", clientId, "registered", null);

        ObjectNode response = registered.deepCopy();
        if (secret != null) {
            response.put("client_secret", secret);
            response.put("client_secret_expires_at", 0);
        }
        Responses.noStoreJson(res, Status.CREATED_201, response);
    }

    private static ObjectNode readBody(ServerRequest req) throws IOException {
        byte[] bytes = req.content().inputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IllegalArgumentException(
                    "the registration body is over " + MAX_BODY + " bytes");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "the registration body is not JSON; send the "
                            + "client metadata as a JSON object (RFC 7591 section 3.1)");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the registration body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The first reason the metadata cannot be registered, or null. */
    private static String problemWith(ObjectNode body) {
        JsonNode uris = body.get("redirect_uris");
        if (uris == null || !uris.isArray() || uris.isEmpty()) {
            return "redirect_uris is required: a non-empty array of the URIs that may receive "
                    + "an authorization code";
        }
        for (JsonNode uri : uris) {
            if (!uri.isTextual()) {
                return "redirect_uris must hold strings, found " + uri;
            }
            Optional<String> problem = RedirectUris.problem(uri.asText());
            if (problem.isPresent()) {
                return problem.get();
            }
        }
        Optional<String> method = text(body, "token_endpoint_auth_method");
        if (method.isPresent() && !AUTH_METHODS.contains(method.get())) {
            return "token_endpoint_auth_method '"
                    + method.get()
                    + "' is not supported; use one "
                    + "of "
                    + AUTH_METHODS.stream().sorted().toList();
        }
        JsonNode grants = body.get("grant_types");
        if (grants != null) {
            for (String grant : strings(grants)) {
                if (!GRANT_TYPES.contains(grant)) {
                    return "grant type '"
                            + grant
                            + "' is not supported; this server offers "
                            + GRANT_TYPES.stream().sorted().toList();
                }
            }
        }
        JsonNode responseTypes = body.get("response_types");
        if (responseTypes != null && !strings(responseTypes).equals(List.of("code"))) {
            return "response_types must be [\"code\"]; this server offers the code flow only";
        }
        return null;
    }

    private void reject(ServerResponse res, String code, String detail) {
        ctx.log().deny("register", null, code, null, detail);
        Responses.oauthError(res, Status.BAD_REQUEST_400, code, detail);
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode node = Json.mapper().createArrayNode();
        values.forEach(node::add);
        return node;
    }
}
