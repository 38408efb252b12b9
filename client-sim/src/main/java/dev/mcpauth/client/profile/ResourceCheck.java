package dev.mcpauth.client.profile;

import dev.mcpauth.protocol.WellKnown;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * How a client compares the {@code resource} of the protected resource metadata with the server it
 * connects to (RFC 9728 section 3.3: a mismatch means the document must not be used).
 */
public enum ResourceCheck {
    /** The document's resource must equal the MCP URL (after normalising case and a trailing /). */
    EXACT,
    /**
     * Newest VS Code (PR 282961): the challenge and path-inserted documents are checked against the
     * MCP URL, the root document against the origin.
     */
    EXACT_ROOT_AGAINST_ORIGIN,
    /**
     * TS SDK: the resource must be on the same origin and its path a prefix of the MCP URL's path
     * (checkResourceAllowed).
     */
    SAME_ORIGIN_PREFIX;

    /**
     * Why the document fetched from {@code prmUrl} must not be used for {@code mcpUrl}, or empty.
     */
    public Optional<String> problem(URI mcpUrl, URI prmUrl, String resource) {
        if (resource == null || resource.isBlank()) {
            return Optional.of(
                    "the protected resource metadata has no resource (RFC 9728 section 2)");
        }
        URI expected = mcpUrl;
        boolean rootDocument =
                prmUrl != null
                        && prmUrl.equals(WellKnown.root(mcpUrl, WellKnown.PROTECTED_RESOURCE))
                        && !WellKnown.trimmedPath(mcpUrl).isEmpty();
        if (this == EXACT_ROOT_AGAINST_ORIGIN && rootDocument) {
            expected = URI.create(WellKnown.origin(mcpUrl));
        }
        URI actual;
        try {
            actual = URI.create(resource);
        } catch (IllegalArgumentException e) {
            return Optional.of("the resource '" + resource + "' is not a URL");
        }
        boolean ok =
                this == SAME_ORIGIN_PREFIX
                        ? sameOrigin(actual, expected)
                                && normalized(expected).startsWith(normalized(actual))
                        : normalized(actual).equals(normalized(expected));
        return ok
                ? Optional.empty()
                : Optional.of(
                        "the protected resource metadata names resource "
                                + resource
                                + ", which does not match "
                                + expected);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getHost() != null
                && normalized(URI.create(WellKnown.origin(a)))
                        .equals(normalized(URI.create(WellKnown.origin(b))));
    }

    /** Lower-case scheme and host, default port dropped, no trailing slash, no fragment. */
    static String normalized(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return uri.toString();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port < 0
                        || (scheme.equals("http") && port == 80)
                        || (scheme.equals("https") && port == 443);
        String path = WellKnown.trimmedPath(uri);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return scheme
                + "://"
                + uri.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + port)
                + path
                + query;
    }
}
