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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcpauth client-sim connect URL --profile P}: one session against any server. */
@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        description = {
            "Connect to any MCP server as one client would.",
            "Discovery, registration, a login approved by a simulated person, initialize,",
            "tools/list and a tool call. The client's credentials are kept in a 0600 file",
            "in the state directory, so a second run after a server restart shows what",
            "that client's user sees. The trace goes to stdout (VS Code profiles in VS",
            "Code's output-channel format)."
        },
        footer = {
            "",
            "Exit codes:",
            "  0  connected",
            "  1  the server broke a protocol: not MCP, malformed metadata, a challenge",
            "     parameter given twice, a consent page without a form, a redirect loop",
            "  2  bad input (URL, profile, option, an unreadable cache file)",
            "  4  the client is stuck, or needs an authorization it cannot get",
            "  5  unreachable, or no answer within --timeout"
        })
final class ClientSimConnectCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "URL",
            description = "The MCP endpoint, e.g. http://localhost:3000/mcp")
    String url;

    @ParentCommand ClientSimCommand parent;

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

    @Option(
            names = "--client-metadata-url",
            paramLabel = "URL",
            description =
                    "The URL client id to use where the server supports client ID metadata"
                            + " documents.")
    String clientMetadataUrl;

    @Option(
            names = "--conformance",
            description =
                    "Run as the official conformance suite's client: no cache on disk, the"
                            + " client from MCP_CONFORMANCE_CONTEXT, the first tool called.")
    boolean conformance;

    @Mixin ClientSimOutput output;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClientProfile profile = parent.profile(spec);
        ClientSimSupport.quietServers(false);
        SessionOptions options =
                SessionOptions.defaults()
                        .withTimeout(timeout)
                        .withRedirectUri(redirectUri)
                        .withClient(clientId, clientSecret)
                        .withClientMetadataUrl(clientMetadataUrl);
        ConnectScenario.ConnectRun run;
        try {
            run =
                    conformance
                            ? ConnectScenario.conformance(
                                    profile, url, System.getenv("MCP_CONFORMANCE_CONTEXT"), options)
                            : ConnectScenario.run(profile, url, cacheDir, forget, options);
        } catch (ClientSimException e) {
            throw ClientSimSupport.failure(e);
        }
        if (run.forgotten() > 0) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "mcpauth: forgot "
                                    + run.forgotten()
                                    + " cached entries of "
                                    + profile.name());
        }
        ClientSimRenderer.connect(spec.commandLine().getOut(), output, profile, run);
        if (!run.result().connected()) {
            throw new CliException(
                    ClientSimSupport.exitCode(run.result().failureKind()), run.result().failure());
        }
        return ExitCode.OK;
    }
}
