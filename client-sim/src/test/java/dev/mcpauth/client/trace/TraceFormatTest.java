package dev.mcpauth.client.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.protocol.Json;
import dev.mcpauth.token.Secrets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Traces keep VS Code's line templates and never show a secret. */
class TraceFormatTest {

    static final String TOKEN = "1796319292121.secret-token-value";

    static HttpExchange exchange(String actor, String body) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("Content-Type", List.of("application/json"));
        sent.put("Authorization", List.of("Bearer " + TOKEN));
        Map<String, List<String>> received = new LinkedHashMap<>();
        received.put("WWW-Authenticate", List.of("Bearer scope=\"mcp\""));
        received.put("Content-Type", List.of("application/json"));
        return new HttpExchange(
                Instant.parse("2026-12-03T17:00:00.123Z"),
                "POST",
                "http://localhost:3000/mcp",
                sent,
                body,
                401,
                received,
                "{\"access_token\":\"" + TOKEN + "\"}",
                5,
                null,
                actor);
    }

    static TraceEvent event(HttpExchange x) {
        return new TraceEvent(x.start(), "connect", TraceEvent.Level.TRACE, null, x);
    }

    @Nested
    class VsCode {

        @Test
        void fetchingShowsTheAuthorizationHeaderAsStars() {
            List<String> lines = VsCodeLogFormat.lines(event(exchange(HttpExchange.CLIENT, "{}")));

            assertEquals(
                    "2026-12-03 17:00:00.123 [trace] Fetching http://localhost:3000/mcp with"
                            + " options: {\"method\":\"POST\",\"headers\":{\"Content-Type\":"
                            + "\"application/json\",\"Authorization\":\"***\"},\"body\":\"{}\"}",
                    lines.get(0));
        }

        @Test
        void fetchedShowsTheStatusAndLowerCaseHeaderNames() {
            List<String> lines = VsCodeLogFormat.lines(event(exchange(HttpExchange.CLIENT, "{}")));

            assertEquals(
                    "2026-12-03 17:00:00.128 [trace] Fetched http://localhost:3000/mcp:"
                            + " {\"status\":401,\"headers\":{\"www-authenticate\":\"Bearer"
                            + " scope=\\\"mcp\\\"\",\"content-type\":\"application/json\"}}",
                    lines.get(1));
        }

        @Test
        void logLinesHaveTheOutputChannelLayout() {
            TraceEvent e =
                    new TraceEvent(
                            Instant.parse("2026-12-03T17:00:00.001Z"),
                            "connect",
                            TraceEvent.Level.ERROR,
                            "Server exited before responding to `initialize` request.",
                            null);

            assertEquals(
                    List.of(
                            "2026-12-03 17:00:00.001 [error] Server exited before responding to"
                                    + " `initialize` request."),
                    VsCodeLogFormat.lines(e));
        }

        @Test
        void theBrowserAndTheAuthProviderAreNotInTheMcpChannel() {
            assertTrue(VsCodeLogFormat.lines(event(exchange(HttpExchange.BROWSER, ""))).isEmpty());
            assertTrue(VsCodeLogFormat.lines(event(exchange(HttpExchange.AUTH, ""))).isEmpty());
        }
    }

    @Nested
    class Redacting {

        @Test
        void formBodiesShowFingerprints() {
            String body = "grant_type=authorization_code&code=abc&code_verifier=xyz&client_id=c";

            String redacted = Redaction.text(body);

            assertEquals(
                    "grant_type=authorization_code&code="
                            + Secrets.fingerprint("abc")
                            + "&code_verifier="
                            + Secrets.fingerprint("xyz")
                            + "&client_id=c",
                    redacted);
        }

        @Test
        void jsonEventsNeverContainTheToken() throws Exception {
            String line =
                    JsonLogFormat.line(
                            "ts-sdk",
                            event(exchange(HttpExchange.CLIENT, "refresh_token=" + TOKEN)));

            assertFalse(line.contains(TOKEN), line);
            assertTrue(line.contains(Secrets.fingerprint(TOKEN)));
            assertEquals(
                    "Bearer " + Secrets.fingerprint(TOKEN),
                    Json.mapper()
                            .readTree(line)
                            .path("request_headers")
                            .path("Authorization")
                            .asText());
        }

        @Test
        void aRedirectCarryingACodeIsRedacted() {
            String location = "http://127.0.0.1:33418/?code=s3cr3t&state=abc";

            assertEquals(
                    "http://127.0.0.1:33418/?code=" + Secrets.fingerprint("s3cr3t") + "&state=abc",
                    Redaction.text(location));
        }
    }
}
