package dev.mcpauth.cli;

import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.McpAuthServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What one {@code mcpauth shell} remembers between commands: the server it started in the
 * background. Its URL becomes the default of every URL argument, and {@code $url} in a line is
 * replaced by it.
 */
final class ShellSession implements AutoCloseable {

    private final Consumer<String> logSink;
    private volatile McpAuthServer server;

    ShellSession(Consumer<String> logSink) {
        this.logSink = logSink;
    }

    /** The running server's MCP endpoint, or null. */
    String url() {
        McpAuthServer s = server;
        return s == null ? null : s.urls().resource().toString();
    }

    /** Where a background server's log lines go: above the prompt. */
    Consumer<String> logSink() {
        return logSink;
    }

    /** Keeps a started server; one at a time. */
    void adopt(McpAuthServer started) {
        server = started;
    }

    /** Refuses a second background server. */
    void requireNoServer() {
        if (server != null) {
            throw new CliException(
                    ExitCode.USAGE,
                    "a server is already running at " + url() + "; type 'stop' to stop it first");
        }
    }

    /** The session's own commands, added to the shell's command tree. */
    List<Object> commands() {
        return List.of(new Status(this), new Stop(this));
    }

    @Command(name = "status", description = "Show the server this shell started, if any.")
    static final class Status implements Callable<Integer> {

        private final ShellSession session;

        @Mixin OutputOptions output;

        @Spec CommandSpec spec;

        Status(ShellSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            McpAuthServer s = session.server;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("running", s != null);
            if (s != null) {
                data.put("url", session.url());
                data.put("instance", s.instance().id());
                data.put("store", s.store().describe());
            }
            String text =
                    s == null
                            ? "no server running; start one with: server --port 0"
                            : "server " + session.url() + " (instance " + s.instance().id() + ")";
            spec.commandLine().getOut().println(output.isJson() ? Json.write(data) : text);
            return ExitCode.OK;
        }
    }

    @Command(name = "stop", description = "Stop the server this shell started.")
    static final class Stop implements Callable<Integer> {

        private final ShellSession session;

        @Spec CommandSpec spec;

        Stop(ShellSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            McpAuthServer s = session.server;
            if (s == null) {
                throw new CliException(ExitCode.USAGE, "no server is running in this shell");
            }
            session.server = null;
            s.close();
            spec.commandLine().getErr().println("stopped " + s.urls().resource());
            return ExitCode.OK;
        }
    }

    @Override
    public void close() {
        McpAuthServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }
}
