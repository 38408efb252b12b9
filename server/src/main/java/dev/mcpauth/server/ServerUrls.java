package dev.mcpauth.server;

import dev.mcpauth.protocol.WellKnown;
import java.net.URI;

/**
 * The URLs a running server publishes, fixed once its port is bound. With no workaround the issuer
 * is the origin, byte-identical to {@code authorization_servers[0]} and with no trailing slash; the
 * workarounds change these on purpose.
 */
public record ServerUrls(
        String origin,
        String resource,
        String resourceMetadata,
        String authorizationServer,
        String issuer) {

    public static ServerUrls of(ServerConfig config, ServerInstance instance, int boundPort) {
        String origin =
                config.publicUrl() != null
                        ? WellKnown.origin(config.publicUrl())
                        : "http://localhost:" + boundPort;
        String resource = origin + config.mcpPath();
        String resourceMetadata =
                WellKnown.pathInserted(URI.create(resource), WellKnown.PROTECTED_RESOURCE)
                        .toString();
        String authorizationServer =
                config.has(Workaround.AS_URL_ROTATION) ? origin + asPath(instance) : origin;
        String issuer =
                config.has(Workaround.ISSUER_ROTATION)
                        ? authorizationServer + "/instance-" + instance.id()
                        : authorizationServer;
        return new ServerUrls(origin, resource, resourceMetadata, authorizationServer, issuer);
    }

    /** The path of the per-start authorization-server URL of the as-url-rotation workaround. */
    public static String asPath(ServerInstance instance) {
        return "/as/" + instance.id();
    }

    public String authorizationEndpoint() {
        return origin + "/authorize";
    }

    public String tokenEndpoint() {
        return origin + "/token";
    }

    public String registrationEndpoint() {
        return origin + "/register";
    }

    public String revocationEndpoint() {
        return origin + "/revoke";
    }
}
