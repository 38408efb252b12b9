package dev.mcpauth.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcpauth completion SHELL}: prints a completion script made from the command model. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print the bash, zsh or fish completion script.",
            "The scripts are generated from the commands themselves. Install one with:",
            "  bash: source <(mcpauth completion bash)        (e.g. in ~/.bashrc)",
            "  zsh:  source <(mcpauth completion zsh)         (e.g. in ~/.zshrc)",
            "  fish: mcpauth completion fish > ~/.config/fish/completions/mcpauth.fish"
        },
        footer = {"", ExitCode.TABLE})
final class CompletionCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "SHELL",
            completionCandidates = Shells.class,
            description = "bash, zsh or fish.")
    String shell;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(script(shell));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** The script for {@code shell}, made from the whole command tree. */
    static String script(String shell) {
        CommandLine tree =
                Main.commandLine(
                        new Settings(java.util.Map.of(), null, new java.util.Properties()));
        return switch (shell) {
            case "bash", "zsh" -> AutoComplete.bash("mcpauth", tree);
            case "fish" -> FishCompletion.script(tree);
            default ->
                    throw new CliException(
                            ExitCode.USAGE,
                            "no completion for '" + shell + "'; choose bash, zsh or fish");
        };
    }

    /** The shells with a completion script. */
    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("bash", "zsh", "fish").iterator();
        }
    }
}
