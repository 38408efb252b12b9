package dev.mcpauth.cli;

import dev.mcpauth.check.UnreachableException;
import dev.mcpauth.check.token.JwtSignatureVerifier;
import dev.mcpauth.check.token.SignatureCheck;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcpauth token verify}: checks a JWT's signature against its issuer's keys. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verify a JWT's signature with a JSON Web Key Set.",
            "--jwks names the key set; --server finds it through the MCP server's metadata",
            "(jwks_uri). Exit 0 when the signature is valid, 3 when it is not."
        },
        footer = {"", ExitCode.TABLE})
final class TokenVerifyCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "TOKEN", description = "The JWT, or - to read it from stdin.")
    String token;

    @ArgGroup(multiplicity = "1")
    Keys keys;

    /** Where the keys come from: exactly one of the two. */
    static final class Keys {
        @Option(names = "--jwks", paramLabel = "URL", description = "URL of the key set.")
        URI jwks;

        @Option(
                names = "--server",
                paramLabel = "URL",
                description = "MCP endpoint whose authorization server publishes jwks_uri.")
        URI server;
    }

    @Option(
            names = "--timeout",
            defaultValue = "10s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Limit for each HTTP request (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        // Checked here, so that a path or a typo is a usage error, not an unexpected one.
        if (keys.jwks != null) {
            Urls.http(keys.jwks.toString(), "--jwks");
        }
        if (keys.server != null) {
            Urls.http(keys.server.toString(), "--server");
        }
        String pasted = TokenInputOption.read(token, System.in);
        var out = spec.commandLine().getOut();
        SignatureCheck check;
        try {
            check = JwtSignatureVerifier.verify(pasted, keys.jwks, keys.server, timeout);
        } catch (UnreachableException e) {
            throw output.unreachable(out, keys.jwks != null ? keys.jwks : keys.server, e);
        }
        if (output.isJson()) {
            OutputOptions.printJson(out, check);
        } else {
            TokenRenderer.render(check, out);
        }
        return check.verified() ? ExitCode.OK : ExitCode.CHECKS_FAILED;
    }
}
