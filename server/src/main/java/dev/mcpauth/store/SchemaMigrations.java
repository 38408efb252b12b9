package dev.mcpauth.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database file to the schema this build expects with Flyway. The history table records
 * every version applied; a file from a newer mcpauth, or one that holds something else, is refused
 * and left untouched rather than recreated.
 *
 * <p>Flyway scans the classpath and loads some 400 classes, most of a second of a server's start.
 * When the history already lists exactly this build's migrations, all successful, there is nothing
 * to do and Flyway is skipped; any other history (newer, failed, foreign or absent) goes through
 * Flyway, which migrates or refuses. Checksums are validated whenever Flyway runs.
 */
final class SchemaMigrations {

    static final String LOCATION = "classpath:db/mcpauth";
    static final String HISTORY_TABLE = "mcpauth_schema_history";

    /** The versions of the migrations in db/mcpauth, oldest first; a test keeps it in step. */
    static final List<String> VERSIONS = List.of("1");

    /** The first 16 bytes of every SQLite 3 database file. */
    private static final byte[] SQLITE_HEADER =
            "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SchemaMigrations() {}

    static void migrate(String jdbcUrl, Path file) {
        if (isCurrent(jdbcUrl)) {
            return;
        }
        refuseUnusable(jdbcUrl, file);
        Flyway flyway =
                Flyway.configure()
                        .dataSource(jdbcUrl, "", "")
                        .locations(LOCATION)
                        .table(HISTORY_TABLE)
                        .validateMigrationNaming(true)
                        // Flyway ignores migrations it does not know by default; a store written by
                        // a
                        // newer mcpauth must be refused instead.
                        .ignoreMigrationPatterns(new String[0])
                        .load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreException(
                    "the store "
                            + file
                            + " cannot be used: "
                            + firstLine(e.getMessage())
                            + ". It was left as it was; point --data-dir at "
                            + "another directory, or use the mcpauth version that wrote it.",
                    e);
        }
    }

    /**
     * Refuses, before Flyway sees it, a file Flyway would only fail on slowly (it retries for
     * seconds) or with advice meant for its own API: something that is not a file, not an SQLite
     * database or a damaged one, and a database of another program. A missing or empty file is
     * fine: Flyway creates the schema.
     */
    private static void refuseUnusable(String jdbcUrl, Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw refused(file, "it is a directory or another kind of non-regular file");
        }
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw refused(file, "it cannot be read (" + e.getMessage() + ")");
        }
        if (read == 0) {
            return;
        }
        if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
            throw refused(file, "it is not an SQLite database");
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1");
        try (Connection db = DriverManager.getConnection(jdbcUrl, readOnly);
                Statement st = db.createStatement()) {
            try (ResultSet check = st.executeQuery("PRAGMA quick_check")) {
                String result = check.next() ? check.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw refused(file, "the SQLite database is damaged (" + result + ")");
                }
            }
            boolean history = false;
            boolean other = false;
            try (ResultSet tables =
                    st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (tables.next()) {
                    if (HISTORY_TABLE.equals(tables.getString(1))) {
                        history = true;
                    } else {
                        other = true;
                    }
                }
            }
            if (other && !history) {
                throw refused(file, "it holds tables of another program, not an mcpauth store");
            }
        } catch (SQLException e) {
            throw refused(
                    file,
                    "the SQLite database is damaged or not one ("
                            + firstLine(e.getMessage())
                            + ")");
        }
    }

    private static StoreException refused(Path file, String why) {
        return new StoreException(
                "the store "
                        + file
                        + " cannot be used: "
                        + why
                        + ". It was left as it was; point --data-dir at another directory, or"
                        + " move the file away to start with an empty store.");
    }

    /** Whether the history lists exactly {@link #VERSIONS}, each applied successfully. */
    static boolean isCurrent(String jdbcUrl) {
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1");
        try (Connection db = DriverManager.getConnection(jdbcUrl, readOnly)) {
            try (ResultSet tables = db.getMetaData().getTables(null, null, HISTORY_TABLE, null)) {
                if (!tables.next()) {
                    return false;
                }
            }
            List<String> applied = new ArrayList<>();
            try (Statement st = db.createStatement();
                    ResultSet rows =
                            st.executeQuery(
                                    "SELECT version, success FROM "
                                            + HISTORY_TABLE
                                            + " ORDER BY installed_rank")) {
                while (rows.next()) {
                    if (!rows.getBoolean(2) || rows.getString(1) == null) {
                        return false;
                    }
                    applied.add(rows.getString(1));
                }
            }
            return applied.equals(VERSIONS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
