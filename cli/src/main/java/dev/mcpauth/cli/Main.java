package dev.mcpauth.cli;

import dev.mcpauth.check.BadInputException;
import dev.mcpauth.check.UnreachableException;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: runs one command and exits with its code. */
public final class Main {

    private Main() {}

    public static void main(String[] arguments) {
        String[] args = helpWord(arguments);
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownLogManager.class.getName());
        }
        CommandLine cli;
        try {
            cli = light(args);
        } catch (CliException e) {
            // An unreadable config file, before picocli's handler is in place.
            System.err.println("mcpauth: " + e.getMessage());
            System.exit(e.exitCode());
            return;
        }
        System.exit(cli.execute(args));
    }

    /** The tree a single command needs: the full model of its subcommand only. */
    static CommandLine light(String[] args) {
        CommandLine cli = new CommandLine(new McpauthCommand());
        Commands.addFor(cli, args);
        return configure(cli, settingsFor(args));
    }

    /**
     * This process's settings. A config file that cannot be read stops every command, except a
     * request for help or the version: those say what is wrong with the file and still answer.
     */
    static Settings settingsFor(String[] args) {
        try {
            return Settings.load();
        } catch (CliException e) {
            boolean helpOrVersion =
                    java.util.Arrays.stream(args)
                            .anyMatch(a -> a.matches("-h|--help|-V|--version|help"));
            if (!helpOrVersion) {
                throw e;
            }
            System.err.println("mcpauth: " + e.getMessage());
            return new Settings(
                    environment(), Settings.configPath(environment()), new java.util.Properties());
        }
    }

    /** Runs a command line without exiting, for tests. */
    public static int run(String... args) {
        return commandLine().execute(helpWord(args));
    }

    /**
     * {@code mcpauth help client-sim connect} as {@code mcpauth client-sim connect --help}, the way
     * git and the shell's {@code help} read it; {@code mcpauth help} alone is {@code --help}.
     */
    static String[] helpWord(String[] args) {
        if (args.length == 0 || !args[0].equals("help")) {
            return args;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length + 1);
        rest[rest.length - 1] = "--help";
        return rest;
    }

    /** The whole command tree, every subcommand's model built, with this process's settings. */
    public static CommandLine commandLine() {
        return commandLine(Settings.load());
    }

    static CommandLine commandLine(Settings settings) {
        CommandLine cli = new CommandLine(new McpauthCommand());
        Commands.addAll(cli);
        return configure(cli, settings);
    }

    /** The settings every command of the tree shares; call after adding subcommands. */
    static CommandLine configure(CommandLine cli, Settings settings) {
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::badUsage);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setDefaultValueProvider(settings);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(settings.ansi()));
        return cli;
    }

    /** The environment this process runs in; a seam for tests. */
    static Map<String, String> environment() {
        return System.getenv();
    }

    /**
     * A command line picocli cannot parse: the error, picocli's suggestions for a mistyped name and
     * where the help is, instead of the whole usage text burying the one line that matters.
     */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        java.io.PrintWriter err = cli.getErr();
        err.println("mcpauth: " + e.getMessage());
        origin(e.getArgSpec(), cli, java.util.List.of(args)).ifPresent(o -> printOrigin(err, o));
        String command = cli.getCommandSpec().qualifiedName();
        if (cli.getDefaultValueProvider() instanceof Settings s && s.session().isPresent()) {
            // In the shell, commands are typed without 'mcpauth' and help is a command.
            String inShell = command.replaceFirst("^mcpauth ?", "");
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                err.println(
                        "Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?");
            }
            err.println("See '" + (inShell.isEmpty() ? "help" : "help " + inShell) + "'.");
        } else {
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("See '" + command + " --help'.");
        }
        err.flush();
        return ExitCode.USAGE;
    }

    /**
     * Where a refused value came from when it was not typed: the environment or the config file,
     * which the person reading the error may not remember setting.
     */
    private static java.util.Optional<String> origin(
            CommandLine.Model.ArgSpec arg, CommandLine cli, java.util.List<String> args) {
        if (!(arg instanceof CommandLine.Model.OptionSpec option)
                || !(cli.getDefaultValueProvider() instanceof Settings settings)) {
            return java.util.Optional.empty();
        }
        for (String typed : args) {
            for (String name : option.names()) {
                if (typed.equals(name) || typed.startsWith(name + "=")) {
                    return java.util.Optional.empty();
                }
            }
        }
        return settings.origin(option);
    }

    private static void printOrigin(java.io.PrintWriter err, String origin) {
        err.println("mcpauth: the value comes from " + origin + "; fix or unset it");
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof CliException failure) {
            cli.getErr().println("mcpauth: " + failure.getMessage());
            if (failure.option() != null) {
                origin(
                                cli.getCommandSpec().findOption(failure.option()),
                                cli,
                                parsed.originalArgs())
                        .ifPresent(o -> printOrigin(cli.getErr(), o));
            }
            return failure.exitCode();
        }
        // Ctrl-C in the shell interrupts the command's thread: whatever failed after that
        // (a request cut short reads as "cannot reach ...") is the cancellation, not its cause.
        if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
            cli.getErr().println("mcpauth: interrupted");
            return ExitCode.INTERRUPTED;
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
                                + " (MCPAUTH_STACKTRACE=1 shows where)");
        if (Boolean.getBoolean("mcpauth.verbose")
                || "1".equals(environment().get("MCPAUTH_STACKTRACE"))) {
            e.printStackTrace(cli.getErr());
        }
        return ExitCode.FAILURE;
    }
}
