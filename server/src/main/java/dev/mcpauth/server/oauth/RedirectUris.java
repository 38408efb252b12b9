package dev.mcpauth.server.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Redirect URI rules: what may be registered (RFC 7591 section 2, RFC 8252 section 7 for native
 * apps) and how a requested URI matches a registered one. Matching is exact string comparison,
 * except that the port of a loopback IP literal is ignored (RFC 8252 section 7.3, kept by OAuth
 * 2.1).
 */
public final class RedirectUris {

    private static final Set<String> FORBIDDEN_SCHEMES =
            Set.of("javascript", "data", "file", "vbscript", "about", "blob");

    private RedirectUris() {}

    /** Why a URI cannot be registered, or empty when it can. */
    public static Optional<String> problem(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("redirect_uri '" + uri + "' is not a URI: " + e.getReason());
        }
        String scheme =
                parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.isEmpty()) {
            return Optional.of("redirect_uri '" + uri + "' is not absolute");
        }
        if (parsed.getRawFragment() != null) {
            return Optional.of(
                    "redirect_uri '" + uri + "' has a fragment (RFC 6749 section 3.1.2)");
        }
        if (FORBIDDEN_SCHEMES.contains(scheme)) {
            return Optional.of(
                    "redirect_uri '"
                            + uri
                            + "' uses the scheme "
                            + scheme
                            + ", which cannot receive a code");
        }
        if (scheme.equals("http") && !isLoopbackHost(parsed.getHost())) {
            return Optional.of(
                    "redirect_uri '"
                            + uri
                            + "' uses http on a non-loopback host; use https, or http://127.0.0.1"
                            + " for a native app (RFC 8252 section 7.3)");
        }
        return Optional.empty();
    }

    /** The registered URI that {@code requested} matches, if any. */
    public static Optional<String> match(List<String> registered, String requested) {
        for (String candidate : registered) {
            if (candidate.equals(requested) || loopbackMatch(candidate, requested)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean loopbackMatch(String registered, String requested) {
        try {
            URI a = new URI(registered);
            URI b = new URI(requested);
            return "http".equals(a.getScheme())
                    && "http".equals(b.getScheme())
                    && isLoopbackIp(a.getHost())
                    && a.getHost().equals(b.getHost())
                    && a.getRawUserInfo() == null
                    && b.getRawUserInfo() == null
                    && path(a).equals(path(b))
                    && java.util.Objects.equals(a.getRawQuery(), b.getRawQuery())
                    && b.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** 127.0.0.0/8 and [::1] as literals; "localhost" is a name, compared exactly. */
    static boolean isLoopbackIp(String host) {
        if (host == null) {
            return false;
        }
        return host.equals("[::1]") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static boolean isLoopbackHost(String host) {
        return isLoopbackIp(host) || "localhost".equalsIgnoreCase(host);
    }
}
