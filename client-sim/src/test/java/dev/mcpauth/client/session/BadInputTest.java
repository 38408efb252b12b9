package dev.mcpauth.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.client.ClientSimException.Kind;
import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.client.trace.Trace;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Servers that break the rules end a connection with one line naming what is wrong, the right
 * failure kind, and a cache file that is still whole.
 */
class BadInputTest {

    @TempDir Path cacheDir;
    FakeServer server;

    @BeforeEach
    void start() {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ConnectResult connect(String profile, String url, Duration timeout) {
        ClientProfile p = Profiles.byName(profile).orElseThrow();
        CredentialCache cache = CredentialCache.open(cacheDir);
        return assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () ->
                        new Connection(
                                        p,
                                        URI.create(url),
                                        cache,
                                        SessionOptions.defaults().withTimeout(timeout),
                                        new Trace())
                                .run());
    }

    ConnectResult connect(String profile) {
        return connect(profile, server.mcp(), Duration.ofSeconds(5));
    }

    static void assertOneLine(ConnectResult result) {
        assertFalse(result.connected());
        assertFalse(result.failure().contains("\n"), result.failure());
    }

    void assertCacheIsWhole() throws IOException {
        CredentialCache.open(cacheDir);
        Path file = cacheDir.resolve(CredentialCache.FILE);
        if (Files.exists(file)) {
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vscode", "spec"})
    void anUnreachableServerIsReportedAsUnreachable(String profile) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConnectResult result =
                connect(profile, "http://127.0.0.1:" + port + "/mcp", Duration.ofSeconds(2));

        assertOneLine(result);
        assertEquals(Kind.UNREACHABLE, result.failureKind());
        assertTrue(result.failure().startsWith("cannot reach http://127.0.0.1:" + port));
    }

    @Test
    void aServerThatDoesNotSpeakMcpIsNamed() {
        server.on("/mcp", ex -> FakeServer.send(ex, 200, "text/html", "<html>hello</html>"));

        ConnectResult result = connect("ts-sdk");

        assertOneLine(result);
        assertEquals(Kind.PROTOCOL, result.failureKind());
        assertTrue(result.failure().contains("is this the URL of an MCP endpoint"));
    }

    @Test
    void malformedResourceMetadataIsReported() throws IOException {
        server.withDiscovery()
                .on(
                        "/.well-known/oauth-protected-resource",
                        ex -> FakeServer.send(ex, 200, "application/json", "{not json"));

        ConnectResult result = connect("spec");

        assertOneLine(result);
        assertEquals(Kind.BAD_METADATA, result.failureKind());
        assertTrue(result.failure().contains("not a JSON object"), result.failure());
        assertCacheIsWhole();
    }

    @Test
    void aChallengeParameterGivenTwiceIsReported() {
        server.withDiscovery()
                .on(
                        "/mcp",
                        ex -> {
                            ex.getResponseHeaders()
                                    .add(
                                            "WWW-Authenticate",
                                            "Bearer resource_metadata=\"a\","
                                                    + " resource_metadata=\"b\"");
                            FakeServer.send(ex, 401, "application/json", "{}");
                        });

        ConnectResult result = connect("vscode");

        assertOneLine(result);
        assertEquals(Kind.BAD_METADATA, result.failureKind());
        assertTrue(result.failure().contains("resource_metadata more than once"));
    }

    @Test
    void aConsentPageWithoutAFormStopsThePersonAndKeepsTheCacheWhole() throws IOException {
        server.withDiscovery()
                .on(
                        "/authorize",
                        ex -> FakeServer.send(ex, 200, "text/html", "<html><p>Welcome</p></html>"));

        ConnectResult result = connect("spec");

        assertOneLine(result);
        assertEquals(Kind.AUTHORIZATION, result.failureKind());
        assertTrue(result.failure().contains("no form with an Approve button"));
        assertTrue(result.personActed());
        assertCacheIsWhole();
        assertEquals(1, CredentialCache.open(cacheDir).keys("spec").size());
    }

    @Test
    void aRedirectLoopAtTheAuthorizationEndpointIsReported() throws IOException {
        server.withDiscovery()
                .on(
                        "/authorize",
                        ex -> {
                            ex.getResponseHeaders().add("Location", "/authorize?again=1");
                            FakeServer.send(ex, 302, "text/html", "");
                        });

        ConnectResult result = connect("python-sdk");

        assertOneLine(result);
        assertEquals(Kind.AUTHORIZATION, result.failureKind());
        assertTrue(result.failure().contains("redirects in a loop"), result.failure());
        assertCacheIsWhole();
    }

    @Test
    void aServerThatHangsIsCutOffAtTheTimeout() {
        server.on(
                "/mcp",
                ex -> {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });

        ConnectResult result = connect("vscode", server.mcp(), Duration.ofMillis(500));

        assertOneLine(result);
        assertEquals(Kind.UNREACHABLE, result.failureKind());
        assertTrue(result.failure().contains("did not answer within"), result.failure());
    }
}
