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
    /** The document's resource must equal the MCP URL (after normalising case and default port). */
    EXACT,
    /**
     * Newest VS Code (PR 282961): the challenge and path-inserted documents are checked against the
     * MCP URL, the root document against the origin.
     */
    EXACT_ROOT_AGAINST_ORIGIN,
    /**
     * RFC 9728 section 3.3 read literally: a document must name the identifier its well-known URL
     * was built from, so the root document may name the origin; the MCP URL is accepted too.
     */
    EXACT_OR_ORIGIN_FOR_ROOT,
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
        if (this == EXACT_OR_ORIGIN_FOR_ROOT
                && rootDocument
                && normalized(URI.create(resource.strip()))
                        .equals(normalized(URI.create(WellKnown.origin(mcpUrl))))) {
            return Optional.empty();
        }
        boolean ok =
                this == SAME_ORIGIN_PREFIX
                        ? sameOrigin(actual, expected)
                                && slashed(normalized(expected))
                                        .startsWith(slashed(normalized(actual)))
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

    /** The TS SDK compares paths as directories, so /mcp covers /mcp/ but not /mcp2. */
    private static String slashed(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    /**
     * Lower-case scheme and host, default port dropped, an empty path written as /, no fragment:
     * what a WHATWG URL serializes. A trailing slash on a longer path is kept, because VS Code
     * treats {@code /mcp/} and {@code /mcp} as different resources (field case 10).
     */
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
        String path =
                uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return scheme
                + "://"
                + uri.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + port)
                + path
                + query;
    }
}
