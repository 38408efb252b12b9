package dev.mcpauth.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.client.trace.HttpExchange;
import dev.mcpauth.client.trace.Trace;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tool that needs more scope gets 403 {@code insufficient_scope}; every profile logs in again
 * with the larger scope (VS Code through its scope-change retry) and the call succeeds.
 */
class StepUpTest {

    @TempDir Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"vscode-1.105", "vscode", "ts-sdk", "ts-sdk-2", "python-sdk", "spec"})
    void aToolNeedingAnotherScopeIsReachedAfterASecondLogin(String profile) {
        try (McpAuthServer server =
                McpAuthServer.start(ServerConfig.builder(dataDir).port(0).build())) {
            Trace trace = new Trace();
            ConnectResult result =
                    assertTimeoutPreemptively(
                            Duration.ofSeconds(30),
                            () ->
                                    new Connection(
                                                    Profiles.byName(profile).orElseThrow(),
                                                    URI.create(server.urls().resource()),
                                                    CredentialCache.inMemory(),
                                                    SessionOptions.defaults()
                                                            .withTool(
                                                                    "audit_log",
                                                                    Json.mapper()
                                                                            .createObjectNode()),
                                                    trace)
                                            .run());

            assertTrue(result.connected(), result.failure());
            assertEquals("audit_log", result.toolCalled());
            long forbidden =
                    trace.exchanges("connect").stream().filter(x -> x.status() == 403).count();
            assertEquals(1, forbidden);
            long logins =
                    trace.exchanges("connect").stream()
                            .filter(x -> HttpExchange.BROWSER.equals(x.actor()))
                            .filter(x -> x.method().equals("GET"))
                            .count();
            assertEquals(2, logins);
        }
    }
}
