package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.client.scenario.RestartOutcome;
import dev.mcpauth.client.scenario.RestartScenario;
import dev.mcpauth.client.scenario.ServerSetup;
import dev.mcpauth.client.session.SessionOptions;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.store.StoreKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every client-sim profile through a restart on the memory store, then the report over its text
 * trace and the server's log: a client that ends stuck gets its diagnosis, one that recovers (with
 * or without a new login) gets none.
 */
class ReportProfilesTest {

    @TempDir Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "vscode-1.105, stale-token-after-restart",
        "vscode, none",
        "ts-sdk, none",
        "ts-sdk-2, none",
        "python-sdk, stale-client-registration",
        "spec, none"
    })
    void diagnosesWhatTheProfileEndsIn(String name, String expected) throws Exception {
        ClientProfile profile = Profiles.byName(name).orElseThrow();
        List<String> serverLog = new ArrayList<>();
        Handler capture = ReportClientSimRoundTripTest.Capture.into(serverLog);
        Logger logger = Logger.getLogger("mcpauth");
        logger.setLevel(Level.INFO);
        logger.addHandler(capture);
        RestartOutcome outcome;
        try {
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
        } finally {
            logger.removeHandler(capture);
        }
        StringWriter trace = new StringWriter();
        new ClientSimOutput()
                .printTrace(
                        new PrintWriter(trace),
                        profile.name(),
                        profile.isVsCode(),
                        outcome.trace().events());
        Path traceFile = Files.writeString(dir.resolve("trace.log"), trace.toString());
        Path serverFile;
        synchronized (serverLog) {
            serverFile = Files.write(dir.resolve("server.log"), serverLog);
        }

        CliTest.Run run =
                CliTest.run("report", "--json", traceFile.toString(), serverFile.toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode diagnoses = Json.mapper().readTree(run.out()).get("diagnoses");
        List<String> ids = new ArrayList<>();
        diagnoses.forEach(d -> ids.add(d.get("id").asText()));
        assertEquals(expected.equals("none") ? List.of() : List.of(expected), ids, run.out());
    }
}
