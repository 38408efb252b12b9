package dev.mcpauth.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code mcpauth} command. */
@Command(
        name = "mcpauth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run, test and diagnose MCP servers behind OAuth 2.1.",
        subcommands = {
            ServerCommand.class,
            ClientSimCommand.class,
            DiscoverCommand.class,
            TokenCommand.class,
            ReportCommand.class
        },
        footer = {"", ExitCode.TABLE})
final class McpauthCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CliException(ExitCode.USAGE, "name a command, for example: mcpauth server");
    }
}
