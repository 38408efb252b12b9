package dev.mcpauth.cli;

import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.Profiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code mcpauth client-sim}: the simulated clients and their restart scenarios. {@code --profile}
 * is an option of {@code client-sim} that every subcommand inherits, so it may come before or after
 * the subcommand's name; the subcommands read it through {@link #profiles(CommandSpec)}.
 */
@Command(
        name = "client-sim",
        mixinStandardHelpOptions = true,
        description = {
            "Simulate real MCP clients against an MCP server.",
            "VS Code old and new, the TypeScript and Python SDKs, and a client that does",
            "what the 2025-11-25 specification asks, through discovery, registration, a",
            "browser login by a simulated person, and MCP calls."
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

    static final String PROFILE = "--profile";

    @Option(
            names = {"-p", PROFILE},
            scope = ScopeType.INHERIT,
            converter = ClientSimSupport.ProfileConverter.class,
            completionCandidates = Candidates.Profiles.class,
            paramLabel = "PROFILE",
            description = {
                "The client to simulate: vscode-1.105, vscode, ts-sdk, ts-sdk-2, python-sdk or"
                        + " spec. One for connect and restart; matrix takes it repeatedly"
                        + " (default: all)."
            })
    List<ClientProfile> profiles = new ArrayList<>();

    @Spec CommandSpec spec;

    /**
     * The profiles named on the line, before the subcommand {@code sub} and after it, in order and
     * without repeats; when none is named, the default (settings, else none).
     */
    List<ClientProfile> profiles(CommandSpec sub) {
        Set<ClientProfile> named = new LinkedHashSet<>();
        ClientSimSupport.ProfileConverter names = new ClientSimSupport.ProfileConverter();
        for (CommandSpec command : List.of(spec, sub)) {
            OptionSpec matched = command.commandLine().getParseResult().matchedOption(PROFILE);
            if (matched != null) {
                matched.stringValues().forEach(v -> named.add(names.convert(v)));
            }
        }
        if (named.isEmpty()) {
            String setting = setting(sub);
            if (setting != null) {
                named.add(names.convert(setting));
            }
        }
        return named.isEmpty() ? List.copyOf(new LinkedHashSet<>(profiles)) : List.copyOf(named);
    }

    /**
     * The profile the settings name for {@code sub}: {@code MCPAUTH_CLIENT_SIM_CONNECT_PROFILE}
     * before {@code MCPAUTH_CLIENT_SIM_PROFILE} and so on (see {@link Settings}).
     */
    private static String setting(CommandSpec sub) {
        OptionSpec inherited = sub.findOption(PROFILE);
        IDefaultValueProvider provider = sub.defaultValueProvider();
        if (inherited == null || provider == null) {
            return null;
        }
        try {
            return provider.defaultValue(inherited);
        } catch (Exception e) {
            throw new CliException(ExitCode.USAGE, "cannot read the profile setting: " + e);
        }
    }

    /** The one profile a single-client subcommand {@code sub} runs; a usage error otherwise. */
    ClientProfile profile(CommandSpec sub) {
        List<ClientProfile> chosen = profiles(sub);
        if (chosen.size() == 1) {
            return chosen.get(0);
        }
        String example =
                "mcpauth client-sim "
                        + sub.name()
                        + (sub.positionalParameters().isEmpty() ? "" : " URL")
                        + " --profile vscode";
        if (chosen.isEmpty()) {
            throw new CliException(
                    ExitCode.USAGE,
                    "name the client to simulate with --profile, one of "
                            + Profiles.names()
                            + ", e.g. "
                            + example);
        }
        throw new CliException(
                ExitCode.USAGE,
                sub.name()
                        + " simulates one client, not "
                        + chosen.stream().map(ClientProfile::name).toList()
                        + "; give one --profile, or run matrix for several");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CliException(
                ExitCode.USAGE,
                "name a subcommand, for example: mcpauth client-sim connect URL --profile vscode");
    }
}
