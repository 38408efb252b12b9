package dev.mcpauth.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code mcpauth} command; its subcommands are listed in {@link Commands}. */
@Command(
        name = "mcpauth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run, test and diagnose MCP servers behind OAuth 2.1.",
        footer = {
            "",
            "mcpauth help COMMAND [SUBCOMMAND] is COMMAND [SUBCOMMAND] --help.",
            "",
            "Settings: an option left out is read from MCPAUTH_<COMMAND>_<OPTION> or",
            "MCPAUTH_<OPTION> (e.g. MCPAUTH_SERVER_PORT=8080), then from the config file",
            "(see --version; keys server.port or port), then the option's default.",
            "NO_COLOR turns colour off, CLICOLOR_FORCE turns it on when piped.",
            "",
            ExitCode.TABLE
        })
final class McpauthCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CliException(ExitCode.USAGE, "name a command, for example: mcpauth server");
    }
}
