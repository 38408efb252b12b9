package dev.mcpauth.protocol;

import java.net.URI;

/**
 * Well-known metadata locations: RFC 8615, with the path of the resource or issuer inserted after
 * the well-known segment (RFC 9728 section 3.1, RFC 8414 section 3.1), and the OpenID Connect
 * Discovery 1.0 location that appends it instead.
 */
public final class WellKnown {

    public static final String PROTECTED_RESOURCE = "oauth-protected-resource";
    public static final String AUTHORIZATION_SERVER = "oauth-authorization-server";
    public static final String OPENID_CONFIGURATION = "openid-configuration";

    private WellKnown() {}

    /**
     * {@code https://h/p} becomes {@code https://h/.well-known/{suffix}/p}; a root path adds
     * nothing.
     */
    public static URI pathInserted(URI identifier, String suffix) {
        return URI.create(origin(identifier) + "/.well-known/" + suffix + trimmedPath(identifier));
    }

    /** {@code https://h/.well-known/{suffix}}, whatever the path. */
    public static URI root(URI identifier, String suffix) {
        return URI.create(origin(identifier) + "/.well-known/" + suffix);
    }

    /** OIDC Discovery's form: {@code https://h/p/.well-known/openid-configuration}. */
    public static URI appended(URI identifier, String suffix) {
        return URI.create(origin(identifier) + trimmedPath(identifier) + "/.well-known/" + suffix);
    }

    public static String origin(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port;
    }

    /** The path without its trailing slash, so that a root identifier yields "". */
    public static String trimmedPath(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
