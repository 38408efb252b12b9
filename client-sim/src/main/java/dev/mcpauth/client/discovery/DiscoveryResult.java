package dev.mcpauth.client.discovery;

import dev.mcpauth.protocol.AuthorizationServerMetadata;
import dev.mcpauth.protocol.ProtectedResourceMetadata;
import dev.mcpauth.protocol.WellKnown;
import java.net.URI;

/**
 * What a client learned before authorizing: the resource metadata (null when none was usable), the
 * authorization server URL it settled on, and that server's metadata, or default endpoints when the
 * client fell back to them ({@code metadata} null, {@code defaults} true).
 */
public record DiscoveryResult(
        URI resourceMetadataUrl,
        ProtectedResourceMetadata resourceMetadata,
        URI authorizationServer,
        URI metadataUrl,
        AuthorizationServerMetadata metadata,
        boolean defaults,
        URI defaultsBase) {

    public String authorizationEndpoint() {
        return metadata != null ? metadata.authorizationEndpoint() : base() + "/authorize";
    }

    public String tokenEndpoint() {
        return metadata != null ? metadata.tokenEndpoint() : base() + "/token";
    }

    /** The registration endpoint, or null when the metadata names none. */
    public String registrationEndpoint() {
        return metadata != null ? metadata.registrationEndpoint() : base() + "/register";
    }

    public String issuer() {
        return metadata != null ? metadata.issuer() : base();
    }

    /** The {@code resource} sent in authorization and token requests (RFC 8707), or null. */
    public String resource() {
        return resourceMetadata != null ? resourceMetadata.resource() : null;
    }

    private String base() {
        return WellKnown.origin(defaultsBase);
    }
}
