package dev.mcpauth.cli;

import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.Profiles;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What the client-sim commands share: profile names, exit codes, quiet in-process servers. */
final class ClientSimSupport {

    /** Held so that the level set on it is not lost when the logger is collected. */
    private static final Logger SERVER_LOGS = Logger.getLogger("mcpauth");

    private static final Logger HELIDON_LOGS = Logger.getLogger("io.helidon");

    private ClientSimSupport() {}

    /** Reads a profile name; the message lists the valid ones. */
    static final class ProfileConverter implements ITypeConverter<ClientProfile> {
        @Override
        public ClientProfile convert(String value) {
            return Profiles.byName(value.strip())
                    .orElseThrow(
                            () ->
                                    new TypeConversionException(
                                            "unknown profile '"
                                                    + value
                                                    + "'; expected one of "
                                                    + Profiles.names()));
        }
    }

    /** The exit code for a failure of a simulated client. */
    static int exitCode(ClientSimException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> ExitCode.UNREACHABLE;
            case AUTHORIZATION -> ExitCode.AUTHORIZATION_NEEDED;
            case CACHE, USAGE -> ExitCode.USAGE;
            case PROTOCOL, BAD_METADATA -> ExitCode.FAILURE;
        };
    }

    static CliException failure(ClientSimException e) {
        return new CliException(exitCode(e.kind()), e.getMessage(), e);
    }

    /** In-process servers log only with --verbose; their story is in the client's trace. */
    static void quietServers(boolean verbose) {
        Logs.configure(verbose);
        SERVER_LOGS.setLevel(verbose ? Level.INFO : Level.OFF);
        HELIDON_LOGS.setLevel(verbose ? Level.INFO : Level.OFF);
    }

    static void describeProfilesForHelp() {
        StringBuilder text = new StringBuilder();
        for (ClientProfile p : Profiles.all()) {
            if (text.length() > 0) {
                text.append("%n");
            }
            text.append(String.format("  %-13s", p.name()))
                    .append(p.client())
                    .append("%n")
                    .append(Help.wrap(p.recovery().description(), 6, 78));
        }
        System.setProperty("mcpauth.help.profiles", text.toString());
    }
}
