package dev.mcpauth.client.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.client.session.SessionOptions;
import dev.mcpauth.client.trace.PlainLogFormat;
import dev.mcpauth.store.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartScenarioTest {

    @TempDir Path dataDir;

    @ParameterizedTest
    @CsvSource({
        "vscode-1.105, MEMORY, STUCK",
        "vscode, MEMORY, NEEDS_LOGIN",
        "ts-sdk, MEMORY, NEEDS_LOGIN",
        "ts-sdk-2, MEMORY, NEEDS_LOGIN",
        "python-sdk, MEMORY, STUCK",
        "spec, MEMORY, NEEDS_LOGIN",
        "vscode-1.105, SQLITE, RECOVERED",
        "vscode, SQLITE, RECOVERED",
        "ts-sdk, SQLITE, RECOVERED",
        "ts-sdk-2, SQLITE, RECOVERED",
        "python-sdk, SQLITE, RECOVERED",
        "spec, SQLITE, RECOVERED"
    })
    void verdict(String profile, StoreKind store, Verdict expected) {
        RestartOutcome outcome =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(30),
                        () ->
                                RestartScenario.run(
                                        Profiles.byName(profile).orElseThrow(),
                                        ServerSetup.of(store),
                                        dataDir,
                                        CredentialCache.inMemory(),
                                        SessionOptions.defaults()));
        outcome.trace().events().forEach(e -> PlainLogFormat.lines(e).forEach(System.out::println));
        System.out.println(outcome.verdict() + " " + outcome.reason() + " " + outcome.steps());
        assertEquals(expected, outcome.verdict(), outcome.reason());
    }
}
