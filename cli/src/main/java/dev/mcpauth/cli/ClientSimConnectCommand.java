package dev.mcpauth.cli;

import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.scenario.ConnectScenario;
import dev.mcpauth.client.session.SessionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcpauth client-sim connect URL --profile P}: one session against any server. */
@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        description = {
            "Connect to an MCP server as one client would: discovery, registration, a login",
            "approved by a simulated person, initialize, tools/list and a tool call. The",
            "client's credentials are kept in a 0600 file in the state directory, so a second",
            "run after a server restart shows what that client's user sees. The trace goes to",
            "stdout (VS Code profiles in VS Code's output-channel format)."
        },
        footer = {
            "",
            "Exit codes: 0 connected; 4 the client is stuck or needs authorization it cannot get;",
            "5 unreachable or no answer in time; 1 the server broke a protocol (not MCP,",
            "malformed metadata, a duplicated challenge parameter, no consent form, a redirect",
            "loop); 2 bad input."
        })
final class ClientSimConnectCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "URL",
            description = "The MCP endpoint, e.g. http://localhost:3000/mcp")
    String url;

    @Option(
            names = {"-p", "--profile"},
            required = true,
            converter = ClientSimSupport.ProfileConverter.class,
            paramLabel = "PROFILE",
            description = "vscode-1.105, vscode, ts-sdk, ts-sdk-2, python-sdk or spec.")
    ClientProfile profile;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "Where the credential cache lives (default: the state directory).")
    Path cacheDir;

    @Option(names = "--forget", description = "Forget what this profile cached before connecting.")
    boolean forget;

    @Option(
            names = "--timeout",
            defaultValue = "10s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Bound on each HTTP exchange (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--redirect-uri",
            paramLabel = "URI",
            description =
                    "Use this redirect URI instead of the profile's (e.g. another loopback port).")
    String redirectUri;

    @Option(
            names = "--client-id",
            paramLabel = "ID",
            description = "A pre-registered client id; no registration.")
    String clientId;

    @Option(
            names = "--client-secret",
            paramLabel = "SECRET",
            description = "The pre-registered client's secret.")
    String clientSecret;

    @Mixin ClientSimOutput output;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClientSimSupport.quietServers(false);
        SessionOptions options =
                SessionOptions.defaults()
                        .withTimeout(timeout)
                        .withRedirectUri(redirectUri)
                        .withClient(clientId, clientSecret);
        ConnectScenario.ConnectRun run;
        try {
            run = ConnectScenario.run(profile, url, cacheDir, forget, options);
        } catch (ClientSimException e) {
            throw ClientSimSupport.failure(e);
        }
        ClientSimRenderer.connect(spec.commandLine().getOut(), output, profile, run);
        if (!run.result().connected()) {
            throw new CliException(
                    ClientSimSupport.exitCode(run.result().failureKind()), run.result().failure());
        }
        return ExitCode.OK;
    }
}
