package dev.mcpauth.store;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database file to the schema this build expects with Flyway. The history table records
 * every version applied; a file from a newer mcpauth, or one that holds something else, is refused
 * and left untouched rather than recreated.
 */
final class SchemaMigrations {

    static final String LOCATION = "classpath:db/mcpauth";
    static final String HISTORY_TABLE = "mcpauth_schema_history";

    private SchemaMigrations() {}

    static void migrate(String jdbcUrl, Path file) {
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

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
