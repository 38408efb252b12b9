package dev.mcpauth.cli;

import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.client.scenario.RestartMatrix;
import dev.mcpauth.client.scenario.ServerSetup;
import dev.mcpauth.client.session.SessionOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcpauth client-sim matrix}: every profile through every restart setup. */
@Command(
        name = "matrix",
        mixinStandardHelpOptions = true,
        description = {
            "Every profile through a restart of every server setup.",
            "The memory store, the sqlite store and each workaround alone (on the memory",
            "store); the verdicts as a table, or one JSON object per cell with --format",
            "json. A scenario that cannot run (a server that fails to start or restart)",
            "is an ERROR cell; the others still run, and the exit code is then 1."
        })
final class ClientSimMatrixCommand implements Callable<Integer> {

    @ParentCommand ClientSimCommand parent;

    @Option(
            names = "--parallel",
            defaultValue = "4",
            paramLabel = "N",
            description = "Scenarios run at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Mixin ClientSimOutput output;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (parallel < 1 || parallel > 64) {
            throw CliException.badValue(
                    "--parallel", "--parallel must be 1 to 64, not " + parallel);
        }
        List<ClientProfile> profiles = parent.profiles(spec);
        ClientSimSupport.quietServers(false);
        RestartMatrix matrix =
                RestartMatrix.run(
                        profiles.isEmpty() ? Profiles.all() : profiles,
                        ServerSetup.matrixColumns(),
                        SessionOptions.defaults(),
                        parallel);
        ClientSimRenderer.matrix(spec.commandLine().getOut(), output, matrix);
        if (!matrix.complete()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "mcpauth: some scenarios could not run (ERROR cells); their reasons"
                                    + " are listed with the verdicts");
            return ExitCode.FAILURE;
        }
        return ExitCode.OK;
    }
}
