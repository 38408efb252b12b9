package dev.mcpauth.cli;

import dev.mcpauth.check.BadInputException;
import dev.mcpauth.check.UnreachableException;
import picocli.CommandLine;

/** Entry point: runs one command and exits with its code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line without exiting, for tests and the shell. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new McpauthCommand());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof CliException failure) {
            cli.getErr().println("mcpauth: " + failure.getMessage());
            return failure.exitCode();
        }
        if (e instanceof BadInputException bad) {
            cli.getErr().println("mcpauth: " + bad.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof UnreachableException down) {
            cli.getErr().println("mcpauth: cannot reach " + down.getMessage());
            return ExitCode.UNREACHABLE;
        }
        cli.getErr()
                .println(
                        "mcpauth: unexpected "
                                + e.getClass().getSimpleName()
                                + ": "
                                + e.getMessage()
                                + " (rerun with --verbose for details)");
        if (Boolean.getBoolean("mcpauth.verbose")) {
            e.printStackTrace(cli.getErr());
        }
        return ExitCode.FAILURE;
    }
}
