package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Server options that parse but cannot work are refused before anything starts. */
class ServerOptionsTest {

    private static CliException refused(String... args) {
        CommandLine cli =
                Main.commandLine(new Settings(Map.of(), Path.of("config"), new Properties()));
        ServerCommand server =
                (ServerCommand) cli.parseArgs(args).subcommand().commandSpec().userObject();
        CliException e = assertThrows(CliException.class, server::config);
        assertEquals(ExitCode.USAGE, e.exitCode());
        return e;
    }

    @Test
    void aPublicUrlMustBeHttpOrHttps() {
        CliException e = refused("server", "--public-url", "ftp://mcp.example.com/");

        assertTrue(
                e.getMessage().contains("--public-url must be an http or https URL"),
                e.getMessage());
    }

    @Test
    void aHostThatIsNoAddressIsAUsageErrorNotABusyPort() {
        CliException e = refused("server", "--host", "999.1.1.1");

        assertTrue(e.getMessage().contains("--host 999.1.1.1 is not an address"), e.getMessage());
        assertTrue(!e.getMessage().contains("another server"), e.getMessage());
    }
}
