package dev.mcpauth.cli;

import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.store.DataDirectory;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the mcpauth version, the Java runtime, the OS and the data directory. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "mcpauth " + McpAuthServer.version(),
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
            "data directory " + DataDirectory.defaultPath()
        };
    }
}
