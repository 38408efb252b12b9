package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.client.profile.ClientProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.AutoComplete;
import picocli.CommandLine;

/** {@code --profile}: an option of {@code client-sim} that its subcommands inherit. */
class ClientSimProfileOptionTest {

    @TempDir Path cacheDir;

    /** The profiles the subcommand of {@code args} runs, with the settings of {@code env}. */
    private static List<String> profiles(Map<String, String> env, String... args) {
        CommandLine tree = Main.commandLine(new Settings(env, null, new Properties()));
        List<CommandLine> parsed = tree.parseArgs(args).asCommandLineList();
        ClientSimCommand clientSim = (ClientSimCommand) parsed.get(1).getCommand();
        return clientSim.profiles(parsed.get(2).getCommandSpec()).stream()
                .map(ClientProfile::name)
                .toList();
    }

    /** {@code args}, and a URL when {@code sub} takes one. */
    private static String[] with(String sub, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (sub.equals("connect")) {
            all.add("http://x/mcp");
        }
        return all.toArray(String[]::new);
    }

    @Nested
    class WhereItIsWritten {

        @ParameterizedTest
        @ValueSource(strings = {"connect", "restart", "matrix"})
        void beforeTheSubcommandItNamesTheProfile(String sub) {
            assertEquals(
                    List.of("spec"),
                    profiles(Map.of(), with(sub, "client-sim", "--profile", "spec", sub)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"connect", "restart", "matrix"})
        void afterTheSubcommandItNamesTheProfile(String sub) {
            assertEquals(
                    List.of("vscode"),
                    profiles(Map.of(), with(sub, "client-sim", sub, "-p", "vscode")));
        }

        @Test
        void matrixTakesTheProfilesOfBothSidesOnceEach() {
            assertEquals(
                    List.of("vscode", "spec", "ts-sdk"),
                    profiles(
                            Map.of(),
                            "client-sim",
                            "-p",
                            "vscode",
                            "matrix",
                            "-p",
                            "spec",
                            "-p",
                            "vscode",
                            "--profile",
                            "ts-sdk"));
        }

        @Test
        void matrixWithoutAProfileHasNoneSoRunsThemAll() {
            assertEquals(List.of(), profiles(Map.of(), "client-sim", "matrix"));
        }

        @Test
        void theEnvironmentGivesTheProfileWhenTheLineDoesNot() {
            Map<String, String> env = Map.of("MCPAUTH_CLIENT_SIM_PROFILE", "python-sdk");

            assertEquals(List.of("python-sdk"), profiles(env, "client-sim", "connect", "u"));
            assertEquals(
                    List.of("spec"), profiles(env, "client-sim", "connect", "-p", "spec", "u"));
        }

        @Test
        void aSubcommandsOwnSettingComesBeforeClientSimsAndTheBareOne() {
            Map<String, String> env =
                    Map.of(
                            "MCPAUTH_CLIENT_SIM_CONNECT_PROFILE", "python-sdk",
                            "MCPAUTH_CLIENT_SIM_PROFILE", "ts-sdk",
                            "MCPAUTH_PROFILE", "vscode");

            assertEquals(List.of("python-sdk"), profiles(env, "client-sim", "connect", "u"));
            assertEquals(List.of("ts-sdk"), profiles(env, "client-sim", "restart"));
            assertEquals(
                    List.of("spec"),
                    profiles(
                            Map.of("MCPAUTH_CLIENT_SIM_MATRIX_PROFILE", "spec"),
                            "client-sim",
                            "matrix"));
        }

        @Test
        void theConfigFileNamesASubcommandsProfileWithDots() {
            Properties file = new Properties();
            file.setProperty("client-sim.connect.profile", "ts-sdk-2");
            file.setProperty("profile", "vscode");
            CommandLine tree = Main.commandLine(new Settings(Map.of(), null, file));
            List<CommandLine> parsed =
                    tree.parseArgs("client-sim", "connect", "u").asCommandLineList();
            ClientSimCommand clientSim = (ClientSimCommand) parsed.get(1).getCommand();

            assertEquals("ts-sdk-2", clientSim.profile(parsed.get(2).getCommandSpec()).name());
        }
    }

    @Nested
    class SingleClientCommands {

        @Test
        void connectBeforeTheSubcommandReachesTheServer() throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            CliTest.Run run =
                    run(
                            "client-sim",
                            "--profile",
                            "vscode",
                            "connect",
                            "http://127.0.0.1:" + port + "/mcp",
                            "--cache-dir",
                            cacheDir.toString());

            assertEquals(ExitCode.UNREACHABLE, run.exitCode(), run.err());
        }

        @ParameterizedTest
        @ValueSource(strings = {"connect", "restart"})
        void withoutAProfileIsAUsageErrorNamingTheProfiles(String sub) {
            CliTest.Run run = run(with(sub, "client-sim", sub));

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertTrue(run.err().contains("name the client to simulate with --profile"), run.err());
            assertTrue(run.err().contains("python-sdk"), run.err());
        }

        @Test
        void twoProfilesAreAUsageErrorPointingToMatrix() {
            CliTest.Run run =
                    run("client-sim", "-p", "spec", "connect", "-p", "vscode", "http://x/mcp");

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertTrue(run.err().contains("run matrix for several"), run.err());
        }

        @Test
        void anUnknownProfileBeforeTheSubcommandIsAUsageError() {
            CliTest.Run run = run("client-sim", "--profile", "emacs", "connect", "http://x/mcp");

            assertEquals(ExitCode.USAGE, run.exitCode());
            assertTrue(run.err().contains("unknown profile 'emacs'"), run.err());
        }
    }

    @Nested
    class HelpAndCompletion {

        @ParameterizedTest
        @ValueSource(strings = {"", "connect", "restart", "matrix"})
        void helpShowsTheOption(String sub) {
            CliTest.Run run =
                    sub.isEmpty() ? run("client-sim", "--help") : run("client-sim", sub, "--help");

            assertEquals(0, run.exitCode());
            assertTrue(run.out().contains("-p, --profile=PROFILE"), run.out());
        }

        @Test
        void tabAfterClientSimCompletesProToProfile() {
            assertEquals(List.of("file"), complete("client-sim", "--pro"));
        }

        @Test
        void tabAfterProfileListsTheProfiles() {
            assertEquals(
                    new TreeSet<>(dev.mcpauth.client.profile.Profiles.names()),
                    new TreeSet<>(complete("client-sim", "--profile", "")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"bash", "zsh", "fish"})
        void eachCompletionScriptOffersTheOptionAtTheClientSimLevel(String shell) {
            String script = CompletionCommand.script(shell);
            String clientSim =
                    shell.equals("fish")
                            ? "-n '__fish_seen_subcommand_from client-sim' -s p -l profile"
                            : "local arg_opts=\"'-p' '--profile'\"";

            assertTrue(script.contains(clientSim), script);
        }

        /** What picocli's completer, the shell's, offers at the end of {@code words}. */
        private List<String> complete(String... words) {
            CommandLine tree = Main.commandLine(new Settings(Map.of(), null, new Properties()));
            String last = words[words.length - 1];
            List<CharSequence> candidates = new ArrayList<>();
            AutoComplete.complete(
                    tree.getCommandSpec(), words, words.length - 1, last.length(), 0, candidates);
            return candidates.stream().map(CharSequence::toString).toList();
        }
    }

    private static CliTest.Run run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliTest.run(args));
    }
}
