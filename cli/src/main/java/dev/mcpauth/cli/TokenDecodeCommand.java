package dev.mcpauth.cli;

import dev.mcpauth.check.UnreachableException;
import dev.mcpauth.check.token.TokenInspector;
import dev.mcpauth.check.token.TokenReport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcpauth token decode}: decodes a token offline, or also asks its server about it. */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = {
            "Decode an access token offline, or also ask its server about it.",
            "An instance-prefixed token ({instanceId}.{secret}), a JWT (header and claims;",
            "the signature is NOT verified) or an opaque token (length, alphabet,",
            "entropy). TOKEN may be 'Bearer ...' or a whole Authorization header line; -",
            "reads it from stdin. The token is shown only as a fingerprint."
        },
        footer = {
            "",
            "Examples:",
            "  mcpauth token decode 'Authorization: Bearer eyJhbGciOi...'",
            "  pbpaste | mcpauth token decode - --server http://localhost:3000/mcp",
            "  mcpauth token decode eyJhbGciOi... --resource https://mcp.example.com/mcp",
            "",
            "With --server, the exit code is 4 when the server refuses the token (401, e.g.",
            "invalid_token: not accepted at all; 403: not for this request), 0 when it",
            "accepts it, 1 when it answers without judging it (e.g. 404: not its MCP URL).",
            "",
            ExitCode.TABLE
        })
final class TokenDecodeCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "TOKEN", description = "The token, or - to read it from stdin.")
    String token;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "MCP endpoint to present the token to: accepted? which instance runs?")
    URI server;

    @Option(
            names = "--resource",
            paramLabel = "URL",
            description = "Resource the token must be bound to (default: the server's metadata).")
    String resource;

    @Option(
            names = "--instance",
            paramLabel = "ID",
            description = "Id of the running server instance, when known from its log.")
    String instance;

    @Option(names = "--reveal", description = "Also print the whole token.")
    boolean reveal;

    @Option(
            names = "--timeout",
            defaultValue = "10s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Limit for each HTTP request (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        if (server != null) {
            Urls.http(server.toString(), "--server");
        }
        String pasted = TokenInputOption.read(token, System.in);
        var request =
                new TokenInspector.Request(pasted, server, resource, instance, reveal, timeout);
        var out = spec.commandLine().getOut();
        TokenReport report;
        try {
            report = TokenInspector.inspect(request, Instant.now());
        } catch (UnreachableException e) {
            throw output.unreachable(out, server, e);
        }
        if (output.isJson()) {
            OutputOptions.printJson(out, report);
        } else {
            TokenRenderer.render(report, out);
        }
        return exitCode(report.server());
    }

    /** 0 without --server or when it accepts the token, 4 when it refuses, 1 when it cannot say. */
    private static int exitCode(TokenReport.ServerAnswer answer) {
        if (answer == null || answer.accepted()) {
            return ExitCode.OK;
        }
        return answer.refused() ? ExitCode.AUTHORIZATION_NEEDED : ExitCode.FAILURE;
    }
}
