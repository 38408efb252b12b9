package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import dev.mcpauth.server.oauth.Pkce;
import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original bug end to end: a client logs in to a server with the memory store, the server
 * restarts, the client comes back with its cached token, gets 401 with the same scope and gives up
 * the way VS Code 1.105 does. The report over the client's log and the server's real log names the
 * stale-token diagnosis, and its draft holds none of the secrets that run issued.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRoundTripTest {

    static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                    + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"Visual Studio Code\",\"version\":\"1.105.1\"}}}";
    static final String VERIFIER = Secrets.randomUrlSafe(32);

    Path dir;
    final List<String> serverLog = new ArrayList<>();
    final List<String> secrets = new ArrayList<>();
    final RecordingClient client = new RecordingClient();
    final Logger mcpauthLogger = Logger.getLogger("mcpauth");
    Handler capture;
    long firstInstance;
    long secondInstance;
    String accessToken;
    Path vscodeLog;
    Path traceLog;
    Path serverLogFile;

    @BeforeAll
    void reproduceTheBug(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        captureServerLog();
        assertTimeoutPreemptively(Duration.ofSeconds(60), this::loginRestartAndGiveUp);
        vscodeLog = write("vscode-mcp.log", client.vscode);
        traceLog = write("client-sim-trace.jsonl", client.trace);
        serverLogFile = write("server.log", serverLog);
        for (Path p : List.of(vscodeLog, traceLog, serverLogFile)) {
            Files.copy(
                    p,
                    Path.of("/tmp/rt-" + p.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterAll
    void stopCapturing() {
        mcpauthLogger.removeHandler(capture);
    }

    private void captureServerLog() {
        Logs.OneLine format = new Logs.OneLine();
        capture =
                new Handler() {
                    @Override
                    public void publish(LogRecord r) {
                        synchronized (serverLog) {
                            serverLog.add(format.format(r).stripTrailing());
                        }
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        capture.setLevel(Level.INFO);
        mcpauthLogger.setLevel(Level.INFO);
        mcpauthLogger.addHandler(capture);
    }

    private void loginRestartAndGiveUp() {
        ServerConfig config =
                ServerConfig.builder(dir).port(0).store(StoreKind.MEMORY).autoApprove(true).build();
        McpAuthServer server = McpAuthServer.start(config);
        firstInstance = server.instance().id();
        String mcp = server.urls().resource();
        String origin = server.urls().origin();
        int port = server.port();
        try {
            client.log("info", "Starting server mcpauth");
            HttpResponse<String> first = initialize(mcp, null);
            discover(origin, first);
            accessToken = login(origin, mcp);
            assertEquals(200, initialize(mcp, accessToken).statusCode());
        } finally {
            server.close();
        }
        server = McpAuthServer.start(config.toBuilder().port(port).build());
        secondInstance = server.instance().id();
        try {
            client.log("info", "Starting server mcpauth");
            discover(origin, initialize(mcp, null));
            HttpResponse<String> stale = initialize(mcp, accessToken);
            assertEquals(401, stale.statusCode());
            client.log(
                    "info",
                    "Connection state: Error 401 status sending message to "
                            + mcp
                            + ": "
                            + stale.body());
            client.log("error", "Server exited before responding to `initialize` request.");
        } finally {
            server.close();
        }
    }

    private HttpResponse<String> initialize(String mcp, String token) {
        List<String> headers =
                new ArrayList<>(
                        List.of(
                                "Content-Type",
                                "application/json",
                                "Accept",
                                "application/json, text/event-stream"));
        if (token != null) {
            headers.addAll(List.of("Authorization", "Bearer " + token));
        }
        return client.send("POST", mcp, INITIALIZE, headers.toArray(String[]::new));
    }

    private void discover(String origin, HttpResponse<String> unauthorized) {
        assertEquals(401, unauthorized.statusCode());
        String header = unauthorized.headers().firstValue("WWW-Authenticate").orElseThrow();
        String metadata = BearerChallenge.parse(header).orElseThrow().resourceMetadata();
        assertEquals(200, client.send("GET", metadata, null).statusCode());
        String as = origin + "/.well-known/oauth-authorization-server";
        assertEquals(200, client.send("GET", as, null).statusCode());
    }

    private String login(String origin, String mcp) {
        String registration =
                "{\"client_name\":\"Visual Studio Code\",\"redirect_uris\":"
                        + "[\"http://127.0.0.1:33418/\"],\"token_endpoint_auth_method\":\"none\","
                        + "\"grant_types\":[\"authorization_code\",\"refresh_token\"]}";
        HttpResponse<String> reg =
                client.send(
                        "POST",
                        origin + "/register",
                        registration,
                        "Content-Type",
                        "application/json");
        String clientId = json(reg).get("client_id").asText();
        String query =
                "response_type=code&client_id="
                        + clientId
                        + "&redirect_uri="
                        + enc("http://127.0.0.1:33418/")
                        + "&code_challenge="
                        + Pkce.challengeOf(VERIFIER)
                        + "&code_challenge_method=S256&state=s1&scope=mcp&resource="
                        + enc(mcp);
        HttpResponse<String> authorize = client.send("GET", origin + "/authorize?" + query, null);
        String location = authorize.headers().firstValue("Location").orElseThrow();
        String code = param(location, "code");
        String form =
                "grant_type=authorization_code&code="
                        + enc(code)
                        + "&client_id="
                        + clientId
                        + "&redirect_uri="
                        + enc("http://127.0.0.1:33418/")
                        + "&code_verifier="
                        + VERIFIER
                        + "&resource="
                        + enc(mcp);
        HttpResponse<String> token =
                client.send(
                        "POST",
                        origin + "/token",
                        form,
                        "Content-Type",
                        "application/x-www-form-urlencoded");
        JsonNode tokens = json(token);
        secrets.addAll(
                List.of(
                        code,
                        VERIFIER,
                        tokens.get("access_token").asText(),
                        tokens.get("refresh_token").asText()));
        String access = tokens.get("access_token").asText();
        secrets.add(access.substring(access.indexOf('.') + 1));
        return access;
    }

    private Path write(String name, List<String> lines) throws IOException {
        synchronized (serverLog) {
            return Files.write(dir.resolve(name), lines);
        }
    }

    private static JsonNode json(HttpResponse<String> res) {
        try {
            return Json.mapper().readTree(res.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + res.body(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String param(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    static JsonNode diagnosis(CliTest.Run run) throws IOException {
        JsonNode doc = Json.mapper().readTree(run.out());
        assertEquals(1, doc.get("diagnoses").size(), run.out());
        return doc.get("diagnoses").get(0);
    }

    @Nested
    class VsCodeLogAndServerLog {

        @Test
        void namesTheStaleTokenDiagnosis() throws IOException {
            CliTest.Run run =
                    CliTest.run("report", "--json", vscodeLog.toString(), serverLogFile.toString());

            assertEquals(0, run.exitCode(), run.err());
            JsonNode d = diagnosis(run);
            assertEquals("stale-token-after-restart", d.get("id").asText());
            assertEquals("CLIENT", d.get("fault").asText());
            assertEquals("affected", d.get("fixStatus").asText());
            assertEquals("VS Code 1.106", d.get("fixedIn").asText());
        }

        @Test
        void citesTheRejectionOnBothSidesTheRestartAndTheGivingUp() throws IOException {
            JsonNode evidence =
                    diagnosis(
                                    CliTest.run(
                                            "report",
                                            "--json",
                                            vscodeLog.toString(),
                                            serverLogFile.toString()))
                            .get("evidence");
            List<String> notes = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            evidence.forEach(
                    e -> {
                        notes.add(e.get("note").asText());
                        texts.add(e.get("text").asText());
                    });
            String fp = Secrets.fingerprint(accessToken);
            assertTrue(
                    texts.stream()
                            .anyMatch(
                                    t ->
                                            t.contains("ready at")
                                                    && t.contains("instance " + secondInstance)),
                    texts.toString());
            assertTrue(
                    texts.stream()
                            .anyMatch(t -> t.contains("reason=invalid_token") && t.contains(fp)),
                    texts.toString());
            assertTrue(
                    notes.contains(
                            "token issued by instance "
                                    + firstInstance
                                    + " rejected by "
                                    + secondInstance),
                    notes.toString());
            assertTrue(
                    texts.stream()
                            .anyMatch(
                                    t ->
                                            t.contains("\"Authorization\":\"***\"")
                                                    && t.contains("\"status\":401")),
                    texts.toString());
            assertTrue(notes.contains("the client gives up"), notes.toString());
        }

        @Test
        void draftRecommendsTheUpgradeAndHoldsNoSecret() throws IOException {
            Path draft = dir.resolve("draft.md");
            CliTest.Run run =
                    CliTest.run(
                            "report",
                            vscodeLog.toString(),
                            serverLogFile.toString(),
                            "-o",
                            draft.toString());

            assertEquals(0, run.exitCode(), run.err());
            String text = Files.readString(draft);
            assertTrue(text.startsWith("# Upgrade instead of filing: "), text);
            assertTrue(text.contains("Already fixed upstream"));
            assertTrue(text.contains("VS Code 1.105.1"));
            assertTrue(text.contains("mcpauth client-sim restart"));
            assertTrue(text.contains("memory"));
            assertNoSecret(text);
        }
    }

    @Nested
    class ClientTraceAndServerLog {

        @Test
        void namesTheStaleTokenDiagnosisFromTheTrace() throws IOException {
            CliTest.Run run =
                    CliTest.run("report", "--json", traceLog.toString(), serverLogFile.toString());

            assertEquals(0, run.exitCode(), run.err());
            JsonNode d = diagnosis(run);
            assertEquals("stale-token-after-restart", d.get("id").asText());
            String fp = Secrets.fingerprint(accessToken);
            assertTrue(d.get("evidence").toString().contains(fp), d.toString());
        }

        @Test
        void draftHoldsNoneOfTheTokensAndCodesThatRunIssued() throws IOException {
            assertTrue(Files.readString(traceLog).contains(accessToken), "the input has them");

            CliTest.Run run = CliTest.run("report", traceLog.toString(), serverLogFile.toString());
            CliTest.Run json =
                    CliTest.run("report", "--json", traceLog.toString(), serverLogFile.toString());

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains(Secrets.fingerprint(accessToken)), run.out());
            assertNoSecret(run.out());
            assertNoSecret(json.out());
            assertNoSecret(run.err());
        }
    }

    private void assertNoSecret(String output) {
        for (String secret : secrets) {
            assertFalse(output.contains(secret), () -> "secret leaked: " + secret);
        }
    }
}
