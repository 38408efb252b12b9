package dev.mcpauth.client.scenario;

import dev.mcpauth.server.Workaround;
import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.TokenFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The server side of a restart scenario: its store, token format and workarounds. */
public record ServerSetup(StoreKind store, TokenFormat tokenFormat, Set<Workaround> workarounds) {

    public ServerSetup {
        workarounds = workarounds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workarounds));
    }

    public static ServerSetup of(StoreKind store) {
        return new ServerSetup(store, TokenFormat.INSTANCE, Set.of());
    }

    /** The matrix columns: memory, sqlite, then each workaround alone on the memory store. */
    public static List<ServerSetup> matrixColumns() {
        List<ServerSetup> columns = new java.util.ArrayList<>();
        columns.add(of(StoreKind.MEMORY));
        columns.add(of(StoreKind.SQLITE));
        for (Workaround w : Workaround.values()) {
            columns.add(new ServerSetup(StoreKind.MEMORY, TokenFormat.INSTANCE, Set.of(w)));
        }
        return columns;
    }

    /** {@code memory}, {@code sqlite}, or the workaround names (on memory). */
    public String label() {
        if (workarounds.isEmpty()) {
            return store.name().toLowerCase(Locale.ROOT)
                    + (tokenFormat == TokenFormat.INSTANCE ? "" : "+" + tokenFormat.cliName());
        }
        String names =
                workarounds.stream()
                        .sorted()
                        .map(Workaround::cliName)
                        .collect(Collectors.joining("+"));
        return store == StoreKind.MEMORY
                ? names
                : store.name().toLowerCase(Locale.ROOT) + "+" + names;
    }
}
