package dev.mcpauth.cli;

import dev.mcpauth.check.discovery.DiscoveryReport;
import dev.mcpauth.check.discovery.SnapshotComparison;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of {@code discover --save} and {@code --compare}. */
final class Snapshots {

    private static final long MAX_SNAPSHOT = 8L * 1024 * 1024;

    private Snapshots() {}

    static DiscoveryReport compare(DiscoveryReport now, Path file) {
        if (file == null) {
            return now;
        }
        try {
            if (Files.size(file) > MAX_SNAPSHOT) {
                throw new CliException(ExitCode.USAGE, file + " is too large to be a snapshot");
            }
            String json = Files.readString(file, StandardCharsets.UTF_8);
            DiscoveryReport before = SnapshotComparison.readSnapshot(json, file.toString());
            return now.withChanges(SnapshotComparison.compare(before, now));
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    static void save(DiscoveryReport report, Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(
                    file,
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(
                    ExitCode.FAILURE, "cannot write " + file + ": " + e.getMessage());
        }
    }
}
