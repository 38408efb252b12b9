package dev.mcpauth.client.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.protocol.AuthorizationServerMetadata;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.ProtectedResourceMetadata;
import java.util.List;

/**
 * How a client gets a client id: the body of its dynamic client registration (RFC 7591 section 2),
 * the redirect URI it then uses, and the URL client id it sends instead when the authorization
 * server supports client ID metadata documents (MCP 2025-11-25, "Client ID Metadata Documents").
 *
 * @param redirectUris the registered redirect URIs
 * @param redirectUri the one used in authorization requests; a loopback port may be replaced at run
 *     time (RFC 8252 section 7.3)
 * @param tokenEndpointAuthMethod sent as is; null leaves the member out (RFC 7591 default {@code
 *     client_secret_basic}); {@link #AUTO} picks from the server's list, none first
 * @param grantTypes fixed grant types, or null to send those the server supports among {@code
 *     authorization_code} and {@code refresh_token} (VS Code), or empty to leave the member out
 * @param scopeFromResourceMetadata whether {@code scope} is PRM {@code scopes_supported} joined
 * @param cimdClientId the URL client id used when the metadata advertises support, or null
 */
public record RegistrationStyle(
        String clientName,
        String clientUri,
        List<String> redirectUris,
        String redirectUri,
        String tokenEndpointAuthMethod,
        List<String> grantTypes,
        boolean responseTypes,
        String applicationType,
        boolean scopeFromResourceMetadata,
        String cimdClientId) {

    /** Chooses the method from {@code token_endpoint_auth_methods_supported}. */
    public static final String AUTO = "auto";

    private static final List<String> VSCODE_GRANTS =
            List.of(
                    "authorization_code",
                    "refresh_token",
                    "urn:ietf:params:oauth:grant-type:device_code");

    /** The registration request body this client sends. */
    public ObjectNode body(AuthorizationServerMetadata as, ProtectedResourceMetadata prm) {
        ObjectNode body = Json.mapper().createObjectNode();
        if (clientName != null) {
            body.put("client_name", clientName);
        }
        if (clientUri != null) {
            body.put("client_uri", clientUri);
        }
        List<String> grants = grantTypes != null ? grantTypes : vscodeGrants(as);
        if (!grants.isEmpty()) {
            array(body, "grant_types", grants);
        }
        if (responseTypes) {
            array(body, "response_types", List.of("code"));
        }
        array(body, "redirect_uris", redirectUris);
        if (scopeFromResourceMetadata && prm != null && prm.scopesSupported() != null) {
            body.put("scope", String.join(" ", prm.scopesSupported()));
        }
        if (tokenEndpointAuthMethod != null) {
            body.put("token_endpoint_auth_method", authMethod(as));
        }
        if (applicationType != null) {
            body.put("application_type", applicationType);
        }
        return body;
    }

    /** Whether this client uses its URL client id instead of registering. */
    public boolean usesCimd(AuthorizationServerMetadata as) {
        return cimdClientId != null
                && as != null
                && Boolean.TRUE.equals(as.clientIdMetadataDocumentSupported());
    }

    private String authMethod(AuthorizationServerMetadata as) {
        if (!AUTO.equals(tokenEndpointAuthMethod)) {
            return tokenEndpointAuthMethod;
        }
        List<String> supported = as == null ? null : as.tokenEndpointAuthMethodsSupported();
        if (supported == null || supported.contains("none")) {
            return "none";
        }
        return supported.contains("client_secret_basic")
                ? "client_secret_basic"
                : "client_secret_post";
    }

    private static List<String> vscodeGrants(AuthorizationServerMetadata as) {
        List<String> supported =
                as == null || as.grantTypesSupported() == null
                        ? List.of("authorization_code", "refresh_token")
                        : as.grantTypesSupported();
        return VSCODE_GRANTS.stream().filter(supported::contains).toList();
    }

    private static void array(ObjectNode body, String name, List<String> values) {
        ArrayNode array = body.putArray(name);
        values.forEach(array::add);
    }
}
