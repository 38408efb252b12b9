package dev.mcpauth.check.discovery;

import dev.mcpauth.check.Exchange;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a browser-based client (MCP Inspector, web apps) needs from a server on another origin
 * (Fetch Standard, CORS protocol): the 401's challenge exposed, and preflights that succeed on the
 * metadata, token and registration endpoints.
 */
final class CorsChecks {

    private static final String SPEC = "Fetch Standard, CORS protocol";

    private CorsChecks() {}

    static List<Finding> checkChallenge(Exchange answer, String origin) {
        List<Finding> out = new ArrayList<>();
        if (answer.status() == 403) {
            out.add(
                    Finding.error(
                                    Step.CORS,
                                    "cors-origin-refused",
                                    "MCP 2025-11-25 Transports, Security Warning (Origin)",
                                    "the MCP endpoint refuses requests from origin "
                                            + origin
                                            + " (403); a browser client there cannot connect")
                            .evidence(answer.summary())
                            .fix(
                                    "allow the origin on the server (mcpauth server:"
                                            + " --allowed-origin)"));
            return out;
        }
        if (!allows(answer, origin)) {
            out.add(
                    Finding.error(
                                    Step.CORS,
                                    "cors-mcp-origin",
                                    SPEC,
                                    "the 401 from the MCP endpoint does not allow origin "
                                            + origin
                                            + ", so a browser client cannot read it")
                            .evidence(corsHeaders(answer))
                            .fix("answer with Access-Control-Allow-Origin for that origin"));
            return out;
        }
        String exposed =
                String.join(",", answer.headerValues("Access-Control-Expose-Headers"))
                        .toLowerCase(Locale.ROOT);
        if (!exposed.contains("www-authenticate") && !exposed.contains("*")) {
            out.add(
                    Finding.error(
                                    Step.CORS,
                                    "cors-expose-www-authenticate",
                                    SPEC,
                                    "WWW-Authenticate is not in Access-Control-Expose-Headers, so"
                                            + " a browser client never sees the challenge")
                            .evidence(corsHeaders(answer))
                            .fix(
                                    "send Access-Control-Expose-Headers: WWW-Authenticate,"
                                            + " Mcp-Session-Id"));
        }
        return out;
    }

    /** A preflight as a browser sends it before a cross-origin request with these headers. */
    static Finding preflight(
            Recorder recorder, URI url, String what, String method, String headers, String origin) {
        Exchange answer =
                recorder.send(
                        Step.CORS,
                        "preflight for " + what,
                        "OPTIONS",
                        url,
                        Map.of(
                                "Access-Control-Request-Method",
                                method,
                                "Access-Control-Request-Headers",
                                headers),
                        null);
        boolean ok = answer.status() >= 200 && answer.status() < 300 && allows(answer, origin);
        if (ok) {
            return null;
        }
        return Finding.error(
                        Step.CORS,
                        "cors-preflight",
                        SPEC,
                        "the preflight for the "
                                + what
                                + " fails for origin "
                                + origin
                                + "; browser clients cannot "
                                + method
                                + " it")
                .evidence(answer.summary() + "; " + corsHeaders(answer))
                .fix(
                        "answer OPTIONS with 204 and Access-Control-Allow-Origin,"
                                + " -Allow-Methods and -Allow-Headers");
    }

    private static boolean allows(Exchange answer, String origin) {
        return answer.header("Access-Control-Allow-Origin")
                .map(v -> v.equals("*") || v.equalsIgnoreCase(origin))
                .orElse(false);
    }

    private static String corsHeaders(Exchange answer) {
        return "Access-Control-Allow-Origin: "
                + answer.header("Access-Control-Allow-Origin").orElse("(none)")
                + ", Access-Control-Expose-Headers: "
                + answer.header("Access-Control-Expose-Headers").orElse("(none)");
    }
}
