package dev.mcpauth.store;

import java.time.Instant;
import java.util.List;

/**
 * A client as dynamic registration (RFC 7591 section 3.2.1) recorded it. The secret is kept only as
 * its hash; {@code metadataJson} is the registered metadata as returned to the client.
 */
public record RegisteredClient(
        String clientId,
        String secretHash,
        String authMethod,
        List<String> redirectUris,
        String clientName,
        List<String> grantTypes,
        String metadataJson,
        Instant issuedAt) {

    public RegisteredClient {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
    }

    public boolean isPublic() {
        return "none".equals(authMethod);
    }
}
