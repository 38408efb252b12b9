package dev.mcpauth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The TOKEN parameter: the token itself, or {@code -} to read it from stdin. */
final class TokenInputOption {

    private static final int MAX_STDIN = 64 * 1024;

    private TokenInputOption() {}

    static String read(String parameter, InputStream stdin) {
        if (!"-".equals(parameter)) {
            return parameter;
        }
        try {
            byte[] bytes = stdin.readNBytes(MAX_STDIN + 1);
            if (bytes.length > MAX_STDIN) {
                throw new CliException(
                        ExitCode.USAGE, "stdin holds more than 64 KiB: that is not one token");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read stdin: " + e.getMessage(), e);
        }
    }
}
