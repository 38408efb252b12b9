package dev.mcpauth.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mcpauth token}: the token subcommands. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Explain an access token: which server, which instance, which audience.",
        subcommands = {TokenDecodeCommand.class, TokenVerifyCommand.class},
        footer = {"", ExitCode.TABLE})
final class TokenCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CliException(ExitCode.USAGE, "name a subcommand: token decode or token verify");
    }
}
