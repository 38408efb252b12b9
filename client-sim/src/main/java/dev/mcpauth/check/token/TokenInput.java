package dev.mcpauth.check.token;

import dev.mcpauth.check.BadInputException;
import java.util.regex.Pattern;

/**
 * Finds the token in what a user pastes: the token alone, {@code Bearer <token>}, or a whole {@code
 * Authorization:} header line as it appears in a log.
 */
public final class TokenInput {

    private static final Pattern HEADER = Pattern.compile("(?i)^\\s*authorization\\s*:\\s*");
    private static final Pattern BEARER = Pattern.compile("(?i)^bearer(\\s+|$)");

    private TokenInput() {}

    public static String extract(String pasted) {
        String text = pasted == null ? "" : pasted.strip();
        text = HEADER.matcher(text).replaceFirst("");
        text = BEARER.matcher(text).replaceFirst("").strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            throw new BadInputException(
                    "no token given; pass the token, 'Bearer <token>', an Authorization header"
                            + " line, or - to read it from stdin");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new BadInputException(
                    "the token contains whitespace; paste one token (or one Authorization line)");
        }
        return text;
    }
}
