package dev.mcpauth.cli;

import dev.mcpauth.check.UnreachableException;
import dev.mcpauth.check.discovery.Discoverer;
import dev.mcpauth.check.discovery.DiscoveryReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcpauth discover}: checks a server's discovery metadata as every client would. */
@Command(
        name = "discover",
        mixinStandardHelpOptions = true,
        description = {
            "Check an MCP server's discovery metadata the way each client reads it.",
            "Fetches it as clients do (unauthenticated initialize, resource metadata,",
            "authorization server metadata), checks it against the specs, and says for each",
            "client profile whether it would get to a login.",
            "Exit 0 when no check found an error, 3 when one did, 5 when unreachable."
        },
        footer = {
            "",
            "Examples:",
            "  mcpauth discover https://mcp.example.com/mcp",
            "  mcpauth discover http://localhost:3000/mcp --json --save before.json",
            "  mcpauth discover http://localhost:3000/mcp --compare before.json",
            "  mcpauth discover https://mcp.example.com/mcp --origin https://app.example",
            "",
            ExitCode.TABLE
        })
final class DiscoverCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "URL", description = "The MCP endpoint, e.g. https://host/mcp.")
    String url;

    @Option(
            names = "--origin",
            paramLabel = "ORIGIN",
            description = "Also check CORS for a browser client on this origin.")
    String origin;

    @Option(names = "--save", paramLabel = "FILE", description = "Write a snapshot (JSON).")
    Path save;

    @Option(
            names = "--compare",
            paramLabel = "FILE",
            description = "Report what changed since a saved snapshot, and for which clients.")
    Path compare;

    @Option(
            names = "--timeout",
            defaultValue = "10s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Limit for each HTTP request (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        var request = new Discoverer.Request(Urls.parse(url), origin, timeout);
        Snapshots.check(compare, save);
        var out = spec.commandLine().getOut();
        DiscoveryReport found;
        try {
            found = Discoverer.discover(request, Instant.now());
        } catch (UnreachableException e) {
            throw output.unreachable(out, url, e);
        }
        DiscoveryReport report = Snapshots.compare(found, compare);
        Snapshots.save(report, save);
        if (output.isJson()) {
            OutputOptions.printJson(out, report);
        } else {
            DiscoverRenderer.render(report, out, OutputOptions.colourWanted());
        }
        return report.clean() ? ExitCode.OK : ExitCode.CHECKS_FAILED;
    }
}
