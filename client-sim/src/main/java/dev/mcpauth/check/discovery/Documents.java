package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.check.Exchange;
import dev.mcpauth.check.Fetcher;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a metadata response as a client would, and says what is wrong with it when it cannot be
 * used: an error status, a redirect, a document that is not JSON, an HTML error page, one too large
 * to be metadata, a wrong or doubled content type.
 */
final class Documents {

    private Documents() {}

    /** The JSON object of a usable answer, adding findings for everything wrong on the way. */
    static Optional<JsonNode> read(Exchange answer, Step step, String what, List<Finding> out) {
        if (!answer.answered()) {
            out.add(
                    Finding.warning(step, "no-answer", null, what + " did not answer")
                            .evidence(answer.summary()));
            return Optional.empty();
        }
        if (answer.status() >= 300 && answer.status() < 400) {
            out.add(redirect(answer, step, what));
            return Optional.empty();
        }
        if (answer.status() == 401 || answer.status() == 403) {
            out.add(
                    Finding.error(
                                    step,
                                    "metadata-not-public",
                                    "RFC 8414 section 3; RFC 9728 section 3",
                                    what
                                            + " answered "
                                            + answer.status()
                                            + ": metadata must be readable without credentials")
                            .evidence(answer.summary())
                            .fix("serve the well-known documents without authentication"));
            return Optional.empty();
        }
        if (!answer.ok()) {
            return Optional.empty();
        }
        if (answer.truncated()) {
            out.add(
                    Finding.error(
                                    step,
                                    "metadata-too-large",
                                    null,
                                    what
                                            + " is larger than "
                                            + Fetcher.MAX_BODY / 1024
                                            + " KiB; that is not a metadata document")
                            .evidence(answer.summary()));
            return Optional.empty();
        }
        Optional<JsonNode> doc = parse(answer.body());
        if (doc.isEmpty()) {
            out.add(notJson(answer, step, what));
            return Optional.empty();
        }
        checkContentType(answer, step, what, out);
        return doc;
    }

    static Optional<JsonNode> parse(String body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Finding notJson(Exchange answer, Step step, String what) {
        String body = answer.body().stripLeading();
        boolean html =
                answer.mediaType().equals("text/html") || body.regionMatches(true, 0, "<", 0, 1);
        String snippet = body.length() > 80 ? body.substring(0, 80) + "..." : body;
        return Finding.error(
                        step,
                        html ? "metadata-is-html" : "metadata-not-json",
                        "RFC 8414 section 3.2; RFC 9728 section 3.2",
                        what
                                + (html
                                        ? " answered 200 with an HTML page (an error or login"
                                                + " page?), not a JSON document"
                                        : " answered 200 but the body is not a JSON object"))
                .evidence(answer.summary() + ": " + snippet.replaceAll("\\s+", " "))
                .fix("serve the metadata as a JSON object with Content-Type: application/json");
    }

    private static Finding redirect(Exchange answer, Step step, String what) {
        String location = answer.header("Location").orElse("(no Location)");
        boolean otherHost = otherHost(answer.url(), location);
        return new Finding(
                        otherHost ? "metadata-redirect-other-host" : "metadata-redirect",
                        otherHost ? Severity.ERROR : Severity.WARNING,
                        step,
                        "RFC 8414 section 3; RFC 9728 section 3",
                        what
                                + " redirects to "
                                + location
                                + (otherHost
                                        ? " on another host; not followed (clients that follow"
                                                + " it get a document for another identifier)"
                                        : "; not followed, and not every client follows it"),
                        answer.summary(),
                        "serve the document at the well-known URL itself")
                .evidence(answer.summary());
    }

    static boolean otherHost(String from, String location) {
        try {
            URI target = URI.create(from).resolve(location);
            String a = URI.create(from).getHost();
            return target.getHost() != null && !target.getHost().equalsIgnoreCase(a);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static void checkContentType(
            Exchange answer, Step step, String what, List<Finding> out) {
        String type = answer.contentType() == null ? "" : answer.contentType();
        List<String> values =
                Arrays.stream(type.split(","))
                        .map(v -> v.strip().toLowerCase(Locale.ROOT))
                        .filter(v -> !v.isEmpty())
                        .toList();
        if (values.size() > 1) {
            out.add(
                    Finding.warning(
                                    step,
                                    "duplicate-content-type",
                                    "RFC 9110 section 8.3",
                                    what + " has a doubled Content-Type; strict parsers reject it")
                            .evidence("Content-Type: " + type)
                            .fix("send Content-Type once (check proxies that add it again)"));
        } else if (!answer.mediaType().equals("application/json")) {
            out.add(
                    Finding.warning(
                                    step,
                                    "content-type",
                                    "RFC 8414 section 3.2; RFC 9728 section 3.2",
                                    what + " is JSON but not sent as application/json")
                            .evidence("Content-Type: " + (type.isEmpty() ? "(none)" : type))
                            .fix("send Content-Type: application/json"));
        }
    }

    /** Whether a URL may be plain http: loopback only (OAuth 2.1 section 1.5). */
    static boolean insecure(String url) {
        try {
            URI uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme())) {
                return false;
            }
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return !(host.equals("localhost")
                    || host.startsWith("127.")
                    || host.equals("[::1]")
                    || host.equals("::1"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
