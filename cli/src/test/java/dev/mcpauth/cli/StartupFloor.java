package dev.mcpauth.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The floors that {@link StartupBenchmarkTest} times next to the real commands: a JVM that prints
 * one line ({@code empty}), and picocli parsing {@code token decode}'s options from a model built
 * in code, without annotations and without doing the command's work ({@code picocli ARGS...}).
 */
public final class StartupFloor {

    private StartupFloor() {}

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("picocli")) {
            System.out.println("empty");
            return;
        }
        CommandSpec decode = CommandSpec.create().name("decode");
        for (String name : new String[] {"--server", "--resource", "--instance", "--timeout"}) {
            decode.addOption(
                    OptionSpec.builder(name).paramLabel("VALUE").type(String.class).build());
        }
        decode.addOption(OptionSpec.builder("--format").type(String.class).build());
        decode.addOption(OptionSpec.builder("--reveal").arity("0").type(boolean.class).build());
        decode.addPositional(
                PositionalParamSpec.builder().paramLabel("TOKEN").type(String.class).build());
        CommandLine token = new CommandLine(CommandSpec.create().name("token"));
        token.addSubcommand("decode", decode);
        CommandLine top = new CommandLine(CommandSpec.create().name("mcpauth"));
        top.addSubcommand("token", token);
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        CommandLine.ParseResult parsed = top.parseArgs(rest);
        String value = parsed.subcommand().subcommand().matchedPositional(0).getValue();
        System.out.println("token of " + value.length() + " characters");
    }
}
