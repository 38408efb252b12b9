package dev.mcpauth.cli;

import dev.mcpauth.store.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the mcpauth version, the Java runtime, the OS and the paths in use (config
 * file, data directory, shell history).
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Path config = Settings.configPath(Main.environment());
        Path data = DataDirectory.defaultPath();
        return new String[] {
            "mcpauth " + version(),
            "Java "
                    + System.getProperty("java.version")
                    + " ("
                    + System.getProperty("java.vendor")
                    + ", "
                    + System.getProperty("java.home")
                    + ")",
            "OS "
                    + System.getProperty("os.name")
                    + " "
                    + System.getProperty("os.version")
                    + " "
                    + System.getProperty("os.arch"),
            "config file "
                    + config
                    + (Files.isRegularFile(config)
                            ? ""
                            : Files.exists(config) ? " (not a file)" : " (absent)"),
            "data directory " + data,
            "shell history " + ShellCommand.historyFile(data)
        };
    }

    /** The version in the jar's manifest; {@code dev} when run from classes. */
    static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
