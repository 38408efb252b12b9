package dev.mcpauth.cli;

import java.net.URI;
import java.net.URISyntaxException;

/** URL arguments, checked so that a typo gets a one-line message instead of a stack trace. */
final class Urls {

    private Urls() {}

    static URI parse(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new CliException(
                        ExitCode.USAGE,
                        "'" + value + "' is not a URL; give one such as https://host/mcp");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliException(
                    ExitCode.USAGE, "'" + value + "' is not a URL: " + e.getReason());
        }
    }

    /** {@code value} as an http or https URL; a usage error that names {@code option} otherwise. */
    static URI http(String value, String option) {
        URI uri = parse(value);
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new CliException(
                    ExitCode.USAGE, option + " takes an http or https URL, not '" + value + "'");
        }
        return uri;
    }
}
