package dev.mcpauth.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sqlite store: migrated not recreated, one server per directory, hashes only. */
class SqliteStoreTest {

    @TempDir Path dir;

    private static IssuedToken token(String hash, IssuedToken.Kind kind, String grant) {
        Instant now = Instant.now();
        return new IssuedToken(
                hash,
                kind,
                "c1",
                grant,
                "mcp",
                "http://localhost/mcp",
                1L,
                now,
                now.plus(Duration.ofHours(1)),
                null,
                null);
    }

    private static RegisteredClient client() {
        return new RegisteredClient(
                "c1",
                null,
                "none",
                List.of("http://127.0.0.1/"),
                "t",
                List.of("authorization_code"),
                "{}",
                Instant.now());
    }

    @Test
    void keepsEverythingAcrossReopening() {
        Path file = dir.resolve("mcpauth.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveClient(client());
            store.saveTokens(List.of(token("h1", IssuedToken.Kind.ACCESS, "g1")));
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals("c1", store.findClient("c1").orElseThrow().clientId());
            assertTrue(store.findToken("h1").orElseThrow().isActive(Instant.now()));
        }
    }

    @Test
    void rotationDetectsAReplayAndRevokesTheGrant() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("mcpauth.db"))) {
            store.saveClient(client());
            store.saveTokens(List.of(token("r1", IssuedToken.Kind.REFRESH, "g1")));
            Instant now = Instant.now();

            assertEquals(
                    AuthStore.Rotation.ROTATED,
                    store.rotateRefreshToken(
                            "r1", List.of(token("a2", IssuedToken.Kind.ACCESS, "g1")), now));
            assertEquals(
                    AuthStore.Rotation.REPLAYED,
                    store.rotateRefreshToken(
                            "r1", List.of(token("a3", IssuedToken.Kind.ACCESS, "g1")), now));
            assertTrue(store.findToken("a2").orElseThrow().revokedAt() != null);
            assertTrue(store.findToken("a3").isEmpty(), "a replay stores nothing new");
        }
    }

    @Test
    void refusesAFileItDidNotWriteAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("mcpauth.db");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            db.createStatement().execute("CREATE TABLE notes (body TEXT)");
            db.createStatement().execute("INSERT INTO notes VALUES ('keep me')");
        }
        byte[] before = Files.readAllBytes(file);

        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));

        assertTrue(e.getMessage().contains("left as it was"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void refusesAFileThatIsNotADatabaseAtOnceAndSaysSo() throws Exception {
        Path file = dir.resolve("mcpauth.db");
        byte[] junk = new byte[8192];
        new java.util.Random(7).nextBytes(junk);
        Files.write(file, junk);

        long started = System.nanoTime();
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 3, "took too long");
        assertTrue(e.getMessage().contains("not an SQLite database"), e.getMessage());
        assertTrue(e.getMessage().contains("left as it was"), e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(file));
    }

    @Test
    void refusesADatabaseOfAnotherProgramInPlainWords() throws Exception {
        Path file = dir.resolve("mcpauth.db");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            db.createStatement().execute("CREATE TABLE notes (body TEXT)");
        }

        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));

        assertTrue(e.getMessage().contains("holds tables of another program"), e.getMessage());
        assertFalse(e.getMessage().contains("baseline"), e.getMessage());
    }

    @Test
    void refusesADirectoryInPlaceOfTheDatabaseFile() throws Exception {
        Path file = dir.resolve("mcpauth.db");
        Files.createDirectory(file);

        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));

        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void refusesAStoreFromANewerVersion() throws Exception {
        Path file = dir.resolve("mcpauth.db");
        SqliteStore.open(file).close();
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            db.createStatement()
                    .execute(
                            "INSERT INTO "
                                    + SchemaMigrations.HISTORY_TABLE
                                    + " (installed_rank, version, description, type, script,"
                                    + " checksum, installed_by, execution_time, success) VALUES"
                                    + " (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'x', 0,"
                                    + " 1)");
        }

        assertThrows(StoreException.class, () -> SqliteStore.open(file));
    }

    @Test
    void allowsOneServerPerDataDirectory() {
        try (DataDirectory first = DataDirectory.lock(dir)) {
            StoreException e = assertThrows(StoreException.class, () -> DataDirectory.lock(dir));
            assertTrue(e.getMessage().contains("another mcpauth server"));
        }
        DataDirectory.lock(dir).close();
    }

    @Test
    void namesAFullDiskInItsError() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("mcpauth.db"))) {
            store.saveClient(client());
            // A page limit is how SQLite lets a test see SQLITE_FULL without filling a disk.
            setMaxPageCount(store, 1);

            StoreException full =
                    assertThrows(StoreException.class, () -> store.saveTokens(manyTokens()));
            assertTrue(full.getMessage().contains("full"), full.getMessage());
        }
    }

    @Test
    void keepsWritingOnceTheDiskHasRoomAgain() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("mcpauth.db"))) {
            store.saveClient(client());
            setMaxPageCount(store, 1);
            assertThrows(StoreException.class, () -> store.saveTokens(manyTokens()));

            setMaxPageCount(store, 1_000_000);
            store.saveTokens(List.of(token("h1", IssuedToken.Kind.ACCESS, "g1")));

            assertTrue(store.findToken("h1").isPresent());
            assertTrue(store.findToken("t0").isEmpty());
            assertEquals("c1", store.findClient("c1").orElseThrow().clientId());
        }
    }

    private static List<IssuedToken> manyTokens() {
        return IntStream.range(0, 500)
                .mapToObj(i -> token("t" + i, IssuedToken.Kind.ACCESS, "g1"))
                .toList();
    }

    private static void setMaxPageCount(SqliteStore store, int pages) throws Exception {
        var field = SqliteStore.class.getDeclaredField("db");
        field.setAccessible(true);
        try (var st = ((Connection) field.get(store)).createStatement()) {
            st.execute("PRAGMA max_page_count=" + pages);
        }
    }
}
