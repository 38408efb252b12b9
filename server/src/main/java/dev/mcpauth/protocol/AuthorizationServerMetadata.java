package dev.mcpauth.protocol;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * OAuth 2.0 Authorization Server Metadata, RFC 8414 section 2, with the members MCP clients read:
 * PKCE methods (RFC 7636), the registration endpoint (RFC 7591), revocation (RFC 7009) and the
 * {@code iss} authorization response parameter (RFC 9207).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuthorizationServerMetadata(
        String issuer,
        String authorizationEndpoint,
        String tokenEndpoint,
        String registrationEndpoint,
        String revocationEndpoint,
        List<String> scopesSupported,
        List<String> responseTypesSupported,
        List<String> responseModesSupported,
        List<String> grantTypesSupported,
        List<String> tokenEndpointAuthMethodsSupported,
        List<String> revocationEndpointAuthMethodsSupported,
        List<String> codeChallengeMethodsSupported,
        Boolean authorizationResponseIssParameterSupported,
        Boolean clientIdMetadataDocumentSupported,
        String serviceDocumentation) {}
