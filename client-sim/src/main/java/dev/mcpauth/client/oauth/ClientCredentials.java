package dev.mcpauth.client.oauth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A client id as a client keeps it: from registration (RFC 7591 section 3.2.1), a URL client id
 * (CIMD) or pre-registration, with the secret and authentication method the server chose, and the
 * issuer it was obtained from.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClientCredentials(
        String clientId,
        String clientSecret,
        String tokenEndpointAuthMethod,
        String issuer,
        String source) {

    public static final String REGISTERED = "registration";
    public static final String CIMD = "client-id-metadata-document";
    public static final String PRE_REGISTERED = "pre-registered";
}
