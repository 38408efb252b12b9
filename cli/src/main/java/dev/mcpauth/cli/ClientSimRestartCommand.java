package dev.mcpauth.cli;

import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.scenario.RestartOutcome;
import dev.mcpauth.client.scenario.RestartScenario;
import dev.mcpauth.client.scenario.ServerSetup;
import dev.mcpauth.client.session.SessionOptions;
import dev.mcpauth.server.Workaround;
import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.TokenFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcpauth client-sim restart}: one client through one restart of an in-process server. */
@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description = {
            "Log in, restart an in-process mcpauth server, connect again: the verdict.",
            "The server runs in this process on port 0 and restarts with the chosen store,",
            "token format and workarounds. The verdict is RECOVERED (no one noticed),",
            "NEEDS-LOGIN (a person had to log in again) or STUCK (no login helps), with",
            "the reason and the round trips."
        },
        footer = {
            "",
            "Exit codes: 0 RECOVERED; 4 NEEDS-LOGIN; 3 STUCK; 1 the scenario could not run."
        })
final class ClientSimRestartCommand implements Callable<Integer> {

    @ParentCommand ClientSimCommand parent;

    @Option(
            names = "--store",
            defaultValue = "memory",
            paramLabel = "KIND",
            completionCandidates = Candidates.Stores.class,
            converter = CliNameConverter.Stores.class,
            description = "memory (default) or sqlite.")
    StoreKind store;

    @Option(
            names = "--token-format",
            defaultValue = "instance",
            paramLabel = "TOKEN_FORMAT",
            completionCandidates = Candidates.TokenFormats.class,
            converter = CliNameConverter.TokenFormats.class,
            description = "instance (default) or opaque.")
    TokenFormat tokenFormat;

    @Option(
            names = "--workaround",
            split = ",",
            paramLabel = "NAME",
            converter = CliNameConverter.Workarounds.class,
            completionCandidates = Candidates.Workarounds.class,
            description =
                    "A server workaround (repeatable): dynamic-scope, issuer-rotation,"
                            + " invalid-token-detail, as-url-rotation.")
    List<Workaround> workarounds = new ArrayList<>();

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where the sqlite store lives (default: a temporary directory).")
    Path dataDir;

    @Option(
            names = "--timeout",
            defaultValue = "10s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Bound on each HTTP exchange (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = {"-v", "--verbose"},
            description = "Also show the server's log on stderr.")
    boolean verbose;

    @Mixin ClientSimOutput output;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        ClientProfile profile = parent.profile(spec);
        ClientSimSupport.quietServers(verbose);
        ServerSetup setup =
                new ServerSetup(
                        store,
                        tokenFormat,
                        workarounds.isEmpty() ? Set.of() : EnumSet.copyOf(workarounds));
        Path dir =
                dataDir != null
                        ? dataDir
                        : java.nio.file.Files.createTempDirectory("mcpauth-restart-");
        RestartOutcome outcome;
        try {
            outcome =
                    RestartScenario.run(
                            profile,
                            setup,
                            dir,
                            CredentialCache.inMemory(),
                            SessionOptions.defaults().withTimeout(timeout));
        } catch (ClientSimException e) {
            throw ClientSimSupport.failure(e);
        } catch (RuntimeException e) {
            throw new CliException(
                    ExitCode.FAILURE, "the restart scenario could not run: " + e.getMessage(), e);
        } finally {
            if (dataDir == null) {
                TempDirs.delete(dir);
            }
        }
        ClientSimRenderer.restart(spec.commandLine().getOut(), output, profile, outcome);
        return switch (outcome.verdict()) {
            case RECOVERED -> ExitCode.OK;
            case NEEDS_LOGIN -> ExitCode.AUTHORIZATION_NEEDED;
            case STUCK -> ExitCode.CHECKS_FAILED;
            case ERROR -> ExitCode.FAILURE;
        };
    }
}
