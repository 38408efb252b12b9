package dev.mcpauth.server.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scopes this server knows: {@code mcp} for every tool, {@code mcp:audit} for the one tool that
 * needs more, so that step-up (403 {@code insufficient_scope}) can be exercised.
 */
public final class Scopes {

    public static final String BASE = "mcp";
    public static final String AUDIT = "mcp:audit";
    public static final List<String> SUPPORTED = List.of(BASE, AUDIT);

    private Scopes() {}

    /** A space-separated scope string as a set, empty entries dropped (RFC 6749 section 3.3). */
    public static Set<String> parse(String scope) {
        Set<String> out = new LinkedHashSet<>();
        if (scope != null) {
            Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank()).forEach(out::add);
        }
        return out;
    }

    /**
     * Whether a space-separated scope string holds every one of {@code needed}: the check on every
     * MCP request, so it scans the string instead of building a set.
     */
    public static boolean covers(String scope, List<String> needed) {
        for (String one : needed) {
            if (!holds(scope, one)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(String scope, String one) {
        if (scope == null || one.isEmpty()) {
            return false;
        }
        int from = scope.indexOf(one);
        while (from >= 0) {
            int end = from + one.length();
            boolean starts = from == 0 || scope.charAt(from - 1) == ' ';
            boolean ends = end == scope.length() || scope.charAt(end) == ' ';
            if (starts && ends) {
                return true;
            }
            from = scope.indexOf(one, from + 1);
        }
        return false;
    }

    public static String join(Set<String> scopes) {
        return String.join(" ", scopes);
    }
}
