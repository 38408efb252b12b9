package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code mcpauth server} as its own process, stopped the way a service manager stops it. */
class ServerShutdownTest {

    @Test
    void sigtermStillLogsTheStopLine() {
        List<String> lines = new ArrayList<>();
        assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> {
                    String java = ProcessHandle.current().info().command().orElseThrow();
                    Process p =
                            new ProcessBuilder(
                                            java,
                                            "-cp",
                                            System.getProperty("java.class.path"),
                                            Main.class.getName(),
                                            "server",
                                            "--port",
                                            "0",
                                            "--store",
                                            "memory")
                                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                    .start();
                    try (BufferedReader err =
                            new BufferedReader(
                                    new InputStreamReader(
                                            p.getErrorStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = err.readLine()) != null; ) {
                            lines.add(line);
                            if (line.contains("server ready at")) {
                                p.toHandle().destroy(); // SIGTERM; the streams stay open
                            }
                        }
                    } finally {
                        p.destroyForcibly();
                        p.waitFor(20, TimeUnit.SECONDS);
                    }
                });
        assertTrue(lines.stream().anyMatch(l -> l.contains("server ready at")), lines.toString());
        assertTrue(
                lines.stream().anyMatch(l -> l.matches(".*mcpauth server instance \\d+ stopped")),
                lines.toString());
    }
}
