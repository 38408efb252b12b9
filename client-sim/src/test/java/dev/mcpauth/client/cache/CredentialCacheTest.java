package dev.mcpauth.client.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.oauth.ClientCredentials;
import dev.mcpauth.client.oauth.StoredTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credential cache behaves like a client's secret storage. */
class CredentialCacheTest {

    @TempDir Path dir;

    static final String KEY = "http://localhost:3000 http://localhost:3000/mcp";

    static CachedCredentials entry() {
        Instant now = Instant.parse("2026-12-03T17:00:00Z");
        return CachedCredentials.empty()
                .withClient(
                        new ClientCredentials(
                                "c1", null, "none", "http://localhost:3000", "registration"))
                .withTokens(
                        new StoredTokens(
                                "a",
                                "r",
                                "mcp",
                                "mcp",
                                now,
                                now.plusSeconds(3600),
                                "http://localhost:3000"));
    }

    @Test
    void aSavedEntryIsReadBackByANewProcessFromAnOwnerOnlyFile() throws Exception {
        CredentialCache.open(dir).put("vscode", KEY, entry());

        CachedCredentials read = CredentialCache.open(dir).get("vscode", KEY);

        assertEquals(entry(), read);
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(CredentialCache.FILE))));
        String file = Files.readString(dir.resolve(CredentialCache.FILE));
        assertFalse(file.contains("\"empty\""), "only the entry's data is written: " + file);
    }

    @Test
    void vscodeSessionsAreMatchedByTheExactScopeSet() {
        CachedCredentials e = entry();

        assertEquals("a", e.tokensFor(StoredTokens.scopeSet("mcp")).accessToken());
        assertEquals(null, e.tokensFor(StoredTokens.scopeSet("mcp server-instance-2")));
    }

    @Test
    void forgetDropsOnlyThatProfile() {
        CredentialCache cache = CredentialCache.open(dir);
        cache.put("vscode", KEY, entry());
        cache.put("ts-sdk", "http://localhost:3000/mcp", entry());

        assertEquals(1, cache.forget("vscode"));

        CredentialCache again = CredentialCache.open(dir);
        assertTrue(again.keys("vscode").isEmpty());
        assertEquals(1, again.keys("ts-sdk").size());
    }

    @Test
    void aCorruptFileIsAOneLineErrorAndIsLeftAlone() throws Exception {
        Path file = dir.resolve(CredentialCache.FILE);
        Files.writeString(file, "{broken");

        ClientSimException e =
                assertThrows(ClientSimException.class, () -> CredentialCache.open(dir));

        assertEquals(ClientSimException.Kind.CACHE, e.kind());
        // --forget reads the file first, so it cannot be the advice.
        assertFalse(e.getMessage().contains("--forget"), e.getMessage());
        assertTrue(e.getMessage().contains("move it away or delete it"), e.getMessage());
        assertEquals("{broken", Files.readString(file));
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsRefusedBeforeAnyConnection() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");

        ClientSimException e =
                assertThrows(ClientSimException.class, () -> CredentialCache.open(notADir));

        assertEquals(ClientSimException.Kind.CACHE, e.kind());
        assertTrue(
                e.getMessage().contains(notADir + " is a file, not a directory"), e.getMessage());
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsRefused() throws Exception {
        Files.createDirectory(dir.resolve(CredentialCache.FILE));

        ClientSimException e =
                assertThrows(ClientSimException.class, () -> CredentialCache.open(dir));

        assertTrue(e.getMessage().contains("is a directory, not a file"), e.getMessage());
    }
}
