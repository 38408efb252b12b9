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

    /**
     * Refuses, before any request is sent, a {@code --compare} file that is not there and a {@code
     * --save} path that cannot become a file.
     */
    static void check(Path compare, Path save) {
        if (compare != null && !Files.isRegularFile(compare)) {
            throw new CliException(
                    ExitCode.USAGE,
                    Files.isDirectory(compare)
                            ? "--compare " + compare + " is a directory; name a snapshot file"
                            : "--compare "
                                    + compare
                                    + " does not exist; write one first with discover --save"
                                    + " FILE");
        }
        if (save != null) {
            Path parent = save.toAbsolutePath().getParent();
            if (Files.isDirectory(save)) {
                throw new CliException(
                        ExitCode.USAGE, "--save " + save + " is a directory; name a file in it");
            }
            if (parent != null && !Files.isDirectory(parent)) {
                throw new CliException(
                        ExitCode.USAGE,
                        "--save " + save + ": the directory " + parent + " does not exist");
            }
        }
    }

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
