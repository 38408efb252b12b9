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
}
