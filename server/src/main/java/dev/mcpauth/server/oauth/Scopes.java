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

    public static String join(Set<String> scopes) {
        return String.join(" ", scopes);
    }
}
