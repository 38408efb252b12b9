package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** Where option values come from, and when output is coloured. */
class SettingsTest {

    private static ServerCommand parse(Map<String, String> env, Properties file, String... args) {
        CommandLine cli = Main.commandLine(new Settings(env, Path.of("config"), file));
        CommandLine.ParseResult result = cli.parseArgs(args);
        return (ServerCommand) result.subcommand().commandSpec().userObject();
    }

    private static Properties file(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    @Nested
    class Precedence {

        @Test
        void theFlagWinsOverEnvironmentAndFile() {
            ServerCommand c =
                    parse(
                            Map.of("MCPAUTH_SERVER_PORT", "4000"),
                            file("server.port", "5000"),
                            "server",
                            "--port",
                            "3001");
            assertEquals(3001, c.port);
        }

        @Test
        void theEnvironmentWinsOverTheFile() {
            ServerCommand c =
                    parse(Map.of("MCPAUTH_PORT", "4000"), file("server.port", "5000"), "server");
            assertEquals(4000, c.port);
        }

        @Test
        void theCommandQualifiedVariableWinsOverTheShortOne() {
            ServerCommand c =
                    parse(
                            Map.of("MCPAUTH_PORT", "4000", "MCPAUTH_SERVER_PORT", "4001"),
                            new Properties(),
                            "server");
            assertEquals(4001, c.port);
        }

        @Test
        void theFileWinsOverTheDefault() {
            ServerCommand c = parse(Map.of(), file("store", "memory"), "server");
            assertEquals(dev.mcpauth.store.StoreKind.MEMORY, c.store);
        }

        @Test
        void aSwitchTakesOneAndZeroAsTheEnvironmentUsuallySetsThem() {
            assertTrue(
                    parse(Map.of("MCPAUTH_AUTO_APPROVE", "1"), new Properties(), "server")
                            .autoApprove);
            assertTrue(parse(Map.of(), file("auto-approve", "yes"), "server").autoApprove);
            assertTrue(
                    !parse(Map.of("MCPAUTH_AUTO_APPROVE", "0"), new Properties(), "server")
                            .autoApprove);
        }

        @Test
        void theDefaultAppliesWhenNothingIsSet() {
            assertEquals(3000, parse(Map.of(), new Properties(), "server").port);
        }
    }

    @Nested
    class RefusedValues {

        private String refused(Map<String, String> env, Properties file, String... args) {
            CommandLine cli = Main.commandLine(new Settings(env, Path.of("config"), file));
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err));
            cli.setOut(new PrintWriter(new StringWriter()));
            assertEquals(ExitCode.USAGE, cli.execute(args), err.toString());
            return err.toString();
        }

        @Test
        void aBadValueFromTheEnvironmentNamesTheVariable() {
            String err =
                    refused(
                            Map.of("MCPAUTH_TOKEN_DECODE_FORMAT", "yaml"),
                            new Properties(),
                            "token",
                            "decode",
                            "abc");

            assertTrue(err.contains("MCPAUTH_TOKEN_DECODE_FORMAT in the environment"), err);
        }

        @Test
        void aBadValueFromTheConfigFileNamesTheKeyAndTheFile() {
            String err = refused(Map.of(), file("server.store", "postgres"), "server");

            assertTrue(err.contains("'postgres' is not one of sqlite, memory"), err);
            assertTrue(err.contains("'server.store' in the config file config"), err);
        }

        @Test
        void aValueTheCommandRefusesAfterParsingNamesWhereItCameFrom() {
            String fromEnv =
                    refused(Map.of("MCPAUTH_SERVER_PORT", "99999"), new Properties(), "server");
            String fromFile = refused(Map.of(), file("max-body", "10"), "server");

            assertTrue(fromEnv.contains("--port must be 0 to 65535, not 99999"), fromEnv);
            assertTrue(fromEnv.contains("MCPAUTH_SERVER_PORT in the environment"), fromEnv);
            assertTrue(fromFile.contains("'max-body' in the config file config"), fromFile);
        }

        @Test
        void aValueTypedOnTheCommandLineAndRefusedAfterParsingNeedsNoOrigin() {
            String err =
                    refused(
                            Map.of("MCPAUTH_SERVER_PORT", "99999"),
                            new Properties(),
                            "server",
                            "--port=70000");

            assertTrue(err.contains("not 70000"), err);
            assertTrue(!err.contains("the value comes from"), err);
        }

        @Test
        void anUnknownWorkaroundListsTheWorkaroundsAsTyped() {
            String err = refused(Map.of(), new Properties(), "server", "--workaround", "bogus");

            assertTrue(err.contains("'bogus' is not one of dynamic-scope, issuer-rotation,"), err);
        }

        @Test
        void aBadValueTypedOnTheCommandLineNeedsNoOrigin() {
            String err =
                    refused(
                            Map.of("MCPAUTH_STORE", "memory"),
                            new Properties(),
                            "server",
                            "--store=bogus");

            assertTrue(err.contains("'bogus' is not one of sqlite, memory"), err);
            assertTrue(!err.contains("the value comes from"), err);
        }
    }

    @Nested
    class Colour {

        private Ansi ansi(Map<String, String> env) {
            return new Settings(env, Path.of("config"), new Properties()).ansi();
        }

        @Test
        void noColorTurnsItOff() {
            assertEquals(Ansi.OFF, ansi(Map.of("NO_COLOR", "1", "CLICOLOR_FORCE", "1")));
        }

        @Test
        void clicolorForceTurnsItOnWhenPiped() {
            assertEquals(Ansi.ON, ansi(Map.of("CLICOLOR_FORCE", "1")));
        }

        @Test
        void clicolorForceZeroDoesNotForce() {
            assertEquals(Ansi.OFF, ansi(Map.of("CLICOLOR_FORCE", "0")));
        }

        @Test
        void aPipeGetsNoColour() {
            assertEquals(Ansi.OFF, ansi(Map.of()));
        }
    }

    @Test
    void theLightTreeShowsTheSameHelpAsTheFullOne() {
        assertEquals(help(Main.light(new String[] {"--help"})), help(Main.commandLine()));
    }

    private static String help(CommandLine cli) {
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.execute("--help");
        return out.toString();
    }

    @Test
    void versionNamesTheConfigFileAndTheHistory() {
        String version = String.join("\n", new VersionProvider().getVersion());

        assertTrue(version.contains("config file "), version);
        assertTrue(version.contains("shell history "), version);
    }

    @Test
    void anUnknownShellHasNoCompletion() {
        assertEquals(ExitCode.USAGE, CliTest.run("completion", "tcsh").exitCode());
    }

    @Test
    void aConfigFileNamedByTheEnvironmentMustExist(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");
        CliException e =
                assertThrows(
                        CliException.class,
                        () -> Settings.load(Map.of("MCPAUTH_CONFIG", missing.toString())));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains(missing + ", which does not exist"), e.getMessage());
    }

    @Test
    void aDirectoryInPlaceOfTheConfigFileIsNotIgnored(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("mcpauth/config"));
        CliException e =
                assertThrows(
                        CliException.class,
                        () -> Settings.load(Map.of("XDG_CONFIG_HOME", dir.toString())));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void anAbsentDefaultConfigFileIsFine(@TempDir Path dir) {
        Settings.load(Map.of("XDG_CONFIG_HOME", dir.toString()));
    }
}
