package dev.mcpauth.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mcpauth client-sim}: the simulated clients and their restart scenarios. */
@Command(
        name = "client-sim",
        mixinStandardHelpOptions = true,
        description = {
            "Simulate real MCP clients (VS Code old and new, the TypeScript and Python SDKs, and",
            "a client that does what the 2025-11-25 specification asks) through discovery,",
            "registration, a browser login by a simulated person, and MCP calls."
        },
        subcommands = {
            ClientSimConnectCommand.class,
            ClientSimRestartCommand.class,
            ClientSimMatrixCommand.class
        },
        footer = {"", "Profiles:", "${sys:mcpauth.help.profiles}", "", ExitCode.TABLE})
final class ClientSimCommand implements Runnable {

    static {
        ClientSimSupport.describeProfilesForHelp();
    }

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CliException(
                ExitCode.USAGE,
                "name a subcommand, for example: mcpauth client-sim connect URL --profile vscode");
    }
}
