package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.client.scenario.RestartOutcome;
import dev.mcpauth.client.scenario.RestartScenario;
import dev.mcpauth.client.scenario.ServerSetup;
import dev.mcpauth.client.scenario.Verdict;
import dev.mcpauth.client.session.SessionOptions;
import dev.mcpauth.client.trace.HttpExchange;
import dev.mcpauth.client.trace.TraceEvent;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.Secrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip of the issue: {@code client-sim restart} with {@code vscode-1.105} against the
 * memory store, then {@code report} over its trace (text and JSON, as {@code client-sim restart}
 * prints them) and the server's log names the stale-token diagnosis with the right evidence, and
 * the draft holds none of the tokens and codes that run issued.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportClientSimRoundTripTest {

    private static final Pattern FORM_SECRET =
            Pattern.compile("(?:^|[?&])(code|code_verifier|refresh_token)=([^&]+)");

    final List<String> serverLog = new ArrayList<>();
    final Set<String> secrets = new LinkedHashSet<>();
    final Logger mcpauthLogger = Logger.getLogger("mcpauth");
    Handler capture;
    RestartOutcome outcome;
    Path text;
    Path json;
    Path server;

    @BeforeAll
    void runClientSimRestart(@TempDir Path dir) throws IOException {
        capture = Capture.into(serverLog);
        mcpauthLogger.setLevel(Level.INFO);
        mcpauthLogger.addHandler(capture);
        ClientProfile profile = Profiles.byName("vscode-1.105").orElseThrow();
        outcome =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(60),
                        () ->
                                RestartScenario.run(
                                        profile,
                                        ServerSetup.of(StoreKind.MEMORY),
                                        dir,
                                        CredentialCache.inMemory(),
                                        SessionOptions.defaults()));
        text = Files.writeString(dir.resolve("trace.log"), trace(profile, false));
        json = Files.writeString(dir.resolve("trace.jsonl"), trace(profile, true));
        synchronized (serverLog) {
            server = Files.write(dir.resolve("server.log"), serverLog);
        }
        outcome.trace().events().stream()
                .map(TraceEvent::exchange)
                .filter(x -> x != null)
                .forEach(this::collectSecrets);
    }

    @AfterAll
    void stopCapturing() {
        mcpauthLogger.removeHandler(capture);
    }

    /** The trace exactly as {@code client-sim restart} prints it. */
    private String trace(ClientProfile profile, boolean asJson) {
        ClientSimOutput output = new ClientSimOutput();
        output.json = asJson;
        StringWriter out = new StringWriter();
        output.printTrace(new PrintWriter(out), profile.name(), true, outcome.trace().events());
        return out.toString();
    }

    private void collectSecrets(HttpExchange x) {
        for (String form : new String[] {x.requestBody(), x.responseHeader("Location"), x.url()}) {
            Matcher m = FORM_SECRET.matcher(form == null ? "" : form.replaceFirst("^[^?]*\\?", ""));
            while (m.find()) {
                secrets.add(URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
            }
        }
        String body = x.responseBody();
        if (body != null && body.startsWith("{")) {
            try {
                JsonNode doc = Json.mapper().readTree(body);
                for (String name : List.of("access_token", "refresh_token", "client_secret")) {
                    if (doc.hasNonNull(name)) {
                        secrets.add(doc.get(name).asText());
                    }
                }
            } catch (IOException e) {
                // Not JSON after all: nothing issued in it.
            }
        }
    }

    private String firstAccessToken() {
        return secrets.stream()
                .filter(s -> s.matches("\\d{13}\\.[\\w-]{40,}"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theScenarioReproducedTheBug() {
        assertEquals(Verdict.STUCK, outcome.verdict());
        assertTrue(secrets.size() >= 4, secrets.toString());
    }

    @Nested
    class TextTrace {

        @Test
        void namesTheStaleTokenDiagnosisWithTheRightEvidence() throws IOException {
            CliTest.Run run = CliTest.run("report", "--json", text.toString(), server.toString());

            assertEquals(0, run.exitCode(), run.err());
            JsonNode d = ReportRoundTripTest.diagnosis(run);
            assertEquals("stale-token-after-restart", d.get("id").asText());
            assertEquals("affected", d.get("fixStatus").asText());
            String evidence = d.get("evidence").toString();
            assertTrue(evidence.contains("server restarted: instance"), evidence);
            assertTrue(
                    evidence.contains(
                            "reason=invalid_token token="
                                    + Secrets.fingerprint(firstAccessToken())),
                    evidence);
            assertTrue(evidence.contains("\\\"status\\\":401"), evidence);
            assertTrue(evidence.contains("Connection state: Error 401"), evidence);
        }

        @Test
        void draftHoldsNoneOfTheTokensAndCodesIssued() {
            CliTest.Run run = CliTest.run("report", text.toString(), server.toString());

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("mcpauth client-sim restart --profile vscode-1.105"));
            assertNoSecret(run.out() + run.err());
        }
    }

    @Nested
    class JsonTrace {

        @Test
        void joinsTheClientsRequestToTheServersDecisionByFingerprint() throws IOException {
            CliTest.Run run = CliTest.run("report", "--json", json.toString(), server.toString());

            assertEquals(0, run.exitCode(), run.err());
            JsonNode d = ReportRoundTripTest.diagnosis(run);
            assertEquals("stale-token-after-restart", d.get("id").asText());
            CliTest.Run draft = CliTest.run("report", json.toString(), server.toString());
            String fp = Secrets.fingerprint(firstAccessToken());
            assertTrue(
                    draft.out().lines().anyMatch(l -> l.contains(fp) && l.contains("[joined ")),
                    draft.out());
            assertNoSecret(draft.out() + run.out());
        }
    }

    private void assertNoSecret(String output) {
        for (String secret : secrets) {
            assertFalse(output.contains(secret), () -> "secret leaked: " + secret);
        }
    }

    /** A log handler that keeps each record as the line {@code mcpauth server} would print. */
    static final class Capture {
        private Capture() {}

        static Handler into(List<String> lines) {
            Logs.OneLine format = new Logs.OneLine();
            Handler h =
                    new Handler() {
                        @Override
                        public void publish(LogRecord r) {
                            synchronized (lines) {
                                lines.add(format.format(r).stripTrailing());
                            }
                        }

                        @Override
                        public void flush() {}

                        @Override
                        public void close() {}
                    };
            h.setLevel(Level.INFO);
            return h;
        }
    }
}
