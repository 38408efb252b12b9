package dev.mcpauth.cli;

import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommands of {@code mcpauth}, in the order {@code --help} lists them. A short command
 * builds the picocli model of the one subcommand it runs; the others appear as stubs holding only
 * their name and summary, because reflecting over every command costs more than the JVM's own
 * start.
 */
final class Commands {

    /** One subcommand: its name, the line {@code --help} shows, and how to make it. */
    record Entry(String name, String summary, Supplier<Object> factory) {}

    static final List<Entry> ALL =
            List.of(
                    new Entry(
                            "server",
                            "Run an MCP server with a built-in OAuth 2.1 authorization server.",
                            ServerCommand::new),
                    new Entry(
                            "client-sim",
                            "Simulate real MCP clients against an MCP server.",
                            ClientSimCommand::new),
                    new Entry(
                            "discover",
                            "Check an MCP server's discovery metadata the way each client reads"
                                    + " it.",
                            DiscoverCommand::new),
                    new Entry(
                            "token",
                            "Explain an access token: which server, which instance, which"
                                    + " audience.",
                            TokenCommand::new),
                    new Entry(
                            "report",
                            "Diagnose captured logs and draft the upstream issue in Markdown.",
                            ReportCommand::new),
                    new Entry(
                            "shell",
                            "The mcpauth commands in one interactive session, with TAB"
                                    + " completion.",
                            ShellCommand::new),
                    new Entry(
                            "completion",
                            "Print the bash, zsh or fish completion script.",
                            CompletionCommand::new));

    private Commands() {}

    /** Adds every subcommand with its full model: for the shell, completions and man pages. */
    static void addAll(CommandLine top) {
        for (Entry e : ALL) {
            top.addSubcommand(e.name(), e.factory().get());
        }
    }

    /** Adds the full model of the subcommand {@code args} name, and stubs for the others. */
    static void addFor(CommandLine top, String[] args) {
        String chosen = firstWord(args);
        for (Entry e : ALL) {
            if (e.name().equals(chosen)) {
                top.addSubcommand(e.name(), e.factory().get());
            } else {
                CommandSpec stub = CommandSpec.create().name(e.name());
                stub.usageMessage().description(e.summary());
                top.addSubcommand(e.name(), new CommandLine(stub));
            }
        }
    }

    private static String firstWord(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }
}
