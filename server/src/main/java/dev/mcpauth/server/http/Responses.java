package dev.mcpauth.server.http;

import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.OAuthError;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/** How every endpoint writes JSON, OAuth errors and HTML pages. */
public final class Responses {

    private Responses() {}

    public static void json(ServerResponse res, Status status, Object body) {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(bytes);
    }

    /** A JSON response that holds credentials: never cached (RFC 6749 section 5.1). */
    public static void noStoreJson(ServerResponse res, Status status, Object body) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.PRAGMA, "no-cache");
        json(res, status, body);
    }

    public static void oauthError(ServerResponse res, Status status, String code, String detail) {
        noStoreJson(res, status, new OAuthError(code, detail));
    }

    public static void html(ServerResponse res, Status status, String page) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        // The consent page must not be framed (clickjacking, RFC 6819 section 4.4.1.9).
        res.header(HeaderNames.create("X-Frame-Options"), "DENY");
        res.header(
                HeaderNames.create("Content-Security-Policy"),
                "default-src 'none'; style-src 'unsafe-inline'; " + "frame-ancestors 'none'");
        res.send(page.getBytes(StandardCharsets.UTF_8));
    }

    public static void redirect(ServerResponse res, Status status, String location) {
        res.status(status);
        res.header(HeaderNames.LOCATION, location);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send();
    }
}
