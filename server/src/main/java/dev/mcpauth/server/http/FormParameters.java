package dev.mcpauth.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code application/x-www-form-urlencoded} parameters of a query string or request body. OAuth
 * forbids sending a parameter twice (RFC 6749 section 3.1, section 3.2), so duplicates are kept for
 * the endpoint to refuse rather than silently collapsed.
 */
public final class FormParameters {

    /** An OAuth form holds a handful of short parameters; a larger body is refused unread. */
    public static final int MAX_BODY = 64 * 1024;

    private static final String FORM = "application/x-www-form-urlencoded";

    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The form in a request body, refused with 413 past {@link #MAX_BODY} bytes. */
    public static FormParameters read(ServerRequest req) throws IOException {
        String type =
                req.headers().first(HeaderNames.CONTENT_TYPE).orElse(FORM).split(";")[0].strip();
        if (!type.equalsIgnoreCase(FORM)) {
            throw new BadRequestException(
                    "the body must be "
                            + FORM
                            + " (RFC 6749 section 3.2), not "
                            + type
                            + "; send the parameters as a form, not as JSON");
        }
        long declared = req.headers().contentLength().orElse(0);
        byte[] body;
        if (declared > MAX_BODY) {
            body = null;
        } else {
            try (InputStream in = req.content().inputStream()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
        }
        if (body == null || body.length > MAX_BODY) {
            throw new BodyTooLargeException(
                    "the form body is over "
                            + MAX_BODY
                            + " bytes; an OAuth request needs only a few short parameters");
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    public static FormParameters parse(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a parameter name");
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "the value of " + name);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new FormParameters(values);
    }

    /**
     * The value of a parameter sent once and not empty (RFC 6749 section 3.1: empty means omitted).
     */
    public Optional<String> get(String name) {
        List<String> all = values.get(name);
        return all == null || all.get(0).isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The first parameter that was sent more than once, if any. */
    public Optional<String> repeated() {
        return values.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public boolean has(String name) {
        return get(name).isPresent();
    }

    /** The decoded text; the error names what was encoded, never the text (it may be secret). */
    private static String decode(String raw, String what) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    what
                            + " is not valid form encoding: '%' must be followed by two hex digits"
                            + " (application/x-www-form-urlencoded; send '%' itself as %25)");
        }
    }
}
