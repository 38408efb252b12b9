package dev.mcpauth.cli;

import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import dev.mcpauth.store.StoreKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A representative run for the launcher's class-data caches: {@code short} runs the short commands
 * as a person types them, {@code server} starts a server on each store. Output is discarded.
 */
final class Training {

    /** A made-up JWT with the claims an MCP access token carries; its signature is not real. */
    static final String SAMPLE_JWT =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjMwMDAiLCJzdWIi"
                    + "OiJ1c2VyIiwiYXVkIjoiaHR0cDovL2xvY2FsaG9zdDozMDAwL21jcCIsImV4cCI6NDEwMjQ0"
                    + "NDgwMCwiaWF0IjoxNzY0NzIwMDAwLCJzY29wZSI6Im1jcCJ9.c2lnbmF0dXJl";

    private Training() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("server")) {
            run(new String[] {"server", "--help"});
            run(new String[] {"shell", "--help"});
            startServers();
        } else {
            runShortCommands();
        }
    }

    private static void runShortCommands() {
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"--help"});
        runs.add(new String[] {"--version"});
        for (Commands.Entry e : Commands.ALL) {
            runs.add(new String[] {e.name(), "--help"});
        }
        runs.add(new String[] {"completion", "bash"});
        runs.add(new String[] {"token", "decode", SAMPLE_JWT});
        runs.forEach(Training::run);
    }

    private static void run(String[] args) {
        CommandLine cli = Main.light(args);
        cli.setOut(new PrintWriter(Writer.nullWriter()));
        cli.setErr(new PrintWriter(Writer.nullWriter()));
        cli.execute(args);
    }

    private static void startServers() throws IOException {
        Path dir = Files.createTempDirectory("mcpauth-training");
        try {
            for (StoreKind store : StoreKind.values()) {
                ServerConfig config = ServerConfig.builder(dir).port(0).store(store).build();
                try (McpAuthServer server = McpAuthServer.start(config)) {
                    server.isRunning();
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
