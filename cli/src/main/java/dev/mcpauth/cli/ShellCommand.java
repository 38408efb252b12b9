package dev.mcpauth.cli;

import dev.mcpauth.store.DataDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mcpauth shell}: every command in one JVM, with TAB completion and history. */
@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        description = {
            "The mcpauth commands in one interactive session, with TAB completion.",
            "TAB completes commands, options and their values; history is kept in the",
            "user's state directory (see mcpauth --version). 'help' lists the commands,",
            "Ctrl-C cancels the running command, Ctrl-D or 'exit' leaves.",
            "A server started here runs in the background: a URL parameter or --server",
            "left out then defaults to its MCP endpoint, and $url stands for it.",
            "'status' shows it, 'stop' stops it; leaving the shell stops it too."
        },
        footer = {"", ExitCode.TABLE})
final class ShellCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    /** The history file inside the state directory {@code dataDir}. */
    static Path historyFile(Path dataDir) {
        return dataDir.resolve("shell-history");
    }

    @Override
    public Integer call() throws Exception {
        if (Settings.of(spec).session().isPresent()) {
            throw new CliException(ExitCode.USAGE, "already in the mcpauth shell");
        }
        return new Repl(Settings.of(spec), null, historyFile(DataDirectory.defaultPath())).run();
    }
}
