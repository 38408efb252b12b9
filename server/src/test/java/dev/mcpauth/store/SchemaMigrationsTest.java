package dev.mcpauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a store may skip Flyway: only when its history is exactly this build's. */
class SchemaMigrationsTest {

    @TempDir Path dir;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("mcpauth.db");
    }

    @Test
    void theVersionListMatchesTheMigrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/mcpauth"))) {
            assertEquals(
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith("V"))
                            .map(n -> n.substring(1, n.indexOf("__")))
                            .sorted()
                            .toList(),
                    SchemaMigrations.VERSIONS);
        }
    }

    @Test
    void aMissingFileIsNotCurrentAndIsNotCreated() {
        assertFalse(SchemaMigrations.isCurrent(url()));
        assertFalse(Files.exists(dir.resolve("mcpauth.db")));
    }

    @Test
    void aMigratedStoreIsCurrent() {
        SqliteStore.open(dir.resolve("mcpauth.db")).close();

        assertTrue(SchemaMigrations.isCurrent(url()));
    }

    @Test
    void aHistoryWithANewerVersionIsNotCurrent() throws Exception {
        SqliteStore.open(dir.resolve("mcpauth.db")).close();
        history("(99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'x', 0, 1)");

        assertFalse(SchemaMigrations.isCurrent(url()));
    }

    @Test
    void aHistoryWithAFailedStepIsNotCurrent() throws Exception {
        SqliteStore.open(dir.resolve("mcpauth.db")).close();
        try (var db = DriverManager.getConnection(url())) {
            db.createStatement()
                    .execute("UPDATE " + SchemaMigrations.HISTORY_TABLE + " SET success = 0");
        }

        assertFalse(SchemaMigrations.isCurrent(url()));
    }

    private void history(String row) throws Exception {
        try (var db = DriverManager.getConnection(url())) {
            db.createStatement()
                    .execute(
                            "INSERT INTO "
                                    + SchemaMigrations.HISTORY_TABLE
                                    + " (installed_rank, version, description, type, script,"
                                    + " checksum, installed_by, execution_time, success) VALUES "
                                    + row);
        }
    }
}
