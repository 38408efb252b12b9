package dev.mcpauth.store;

import java.util.Locale;

/** The stores a server can run on. */
public enum StoreKind {
    SQLITE("a SQLite file in the data directory; survives restarts (default)"),
    MEMORY("process memory; forgets clients and tokens on restart, as in the original bug");

    private final String description;

    StoreKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
