package dev.mcpauth.client.trace;

import dev.mcpauth.token.Secrets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every secret a client handles (tokens, codes, verifiers, client secrets) with its
 * fingerprint, in form bodies, query strings, JSON bodies and credential headers.
 */
public final class Redaction {

    private static final String NAMES =
            "access_token|refresh_token|id_token|client_secret|code|code_verifier";
    private static final Pattern FORM = Pattern.compile("(^|[?&])(" + NAMES + ")=([^&\\s\"#]+)");
    private static final Pattern JSON =
            Pattern.compile("\"(" + NAMES + ")\"(\\s*:\\s*)\"([^\"]*)\"");

    private Redaction() {}

    /** A body, URL or header value with every secret replaced by {@code fp:...}. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(FORM, text, m -> m.group(1) + m.group(2) + "=" + fp(m.group(3)));
        return replace(
                JSON,
                out,
                m -> "\"" + m.group(1) + "\"" + m.group(2) + "\"" + fp(m.group(3)) + "\"");
    }

    /** An Authorization header value: the scheme kept, the credentials fingerprinted. */
    public static String authorization(String value) {
        int space = value.indexOf(' ');
        return space < 0
                ? fp(value)
                : value.substring(0, space) + " " + fp(value.substring(space + 1).strip());
    }

    public static boolean isCredentialHeader(String name) {
        return name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Cookie");
    }

    private static String fp(String secret) {
        return Secrets.fingerprint(secret);
    }

    private static String replace(
            Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
