package dev.mcpauth.server.oauth;

import java.net.URI;
import java.util.Locale;

/**
 * Comparison of resource indicators (RFC 8707 section 2): scheme and host compare
 * case-insensitively and a default port equals no port, as MCP 2025-11-25 asks servers to accept;
 * the path, trailing slash included, must be the same.
 */
public final class Resources {

    private Resources() {}

    public static boolean matches(String sent, String canonical) {
        if (sent.equals(canonical)) {
            return true;
        }
        try {
            return normalize(URI.create(sent)).equals(normalize(URI.create(canonical)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalize(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawFragment() != null) {
            return "\u0000invalid";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1
                        || scheme.equals("http") && port == 80
                        || scheme.equals("https") && port == 443;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return scheme
                + "://"
                + uri.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + port)
                + path
                + query;
    }
}
