package dev.mcpauth.cli;

import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import dev.mcpauth.server.Workaround;
import dev.mcpauth.store.DataDirectory;
import dev.mcpauth.store.StoreException;
import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.TokenFormat;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcpauth server}: runs the MCP server and its authorization server until stopped. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = {
            "Run an MCP server with a built-in OAuth 2.1 authorization server.",
            "It speaks Streamable HTTP. Its state survives restarts with the default sqlite",
            "store; --store memory forgets it, reproducing the bug where clients come back",
            "with tokens the server no longer knows. Stop it with Ctrl-C. When ready it",
            "prints its MCP endpoint URL on stdout (--format json: url, issuer, instance).",
            "In mcpauth shell it runs in the background until 'stop'."
        },
        footer = {
            "",
            "Workarounds (off by default; none is needed while the state survives):",
            "  dynamic-scope         %n${sys:mcpauth.help.dynamic-scope}",
            "  issuer-rotation       %n${sys:mcpauth.help.issuer-rotation}",
            "  invalid-token-detail  %n${sys:mcpauth.help.invalid-token-detail}",
            "  as-url-rotation       %n${sys:mcpauth.help.as-url-rotation}",
            "",
            ExitCode.TABLE
        })
final class ServerCommand implements Callable<Integer> {

    static {
        for (Workaround w : Workaround.values()) {
            System.setProperty("mcpauth.help." + w.cliName(), Help.wrap(w.effect(), 6, 78));
        }
    }

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = {"-p", "--port"},
            defaultValue = "3000",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description = "Origin clients use, when not http://localhost:<port>.")
    URI publicUrl;

    @Option(
            names = "--mcp-path",
            defaultValue = "/mcp",
            paramLabel = "PATH",
            description = "Path of the MCP endpoint (default: ${DEFAULT-VALUE}).")
    String mcpPath;

    @Option(
            names = "--store",
            defaultValue = "sqlite",
            paramLabel = "KIND",
            completionCandidates = Candidates.Stores.class,
            converter = CliNameConverter.Stores.class,
            description = "sqlite (default) or memory.")
    StoreKind store;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where the sqlite store lives (default: the user's state directory).")
    Path dataDir;

    @Option(
            names = "--token-format",
            defaultValue = "instance",
            paramLabel = "TOKEN_FORMAT",
            completionCandidates = Candidates.TokenFormats.class,
            converter = CliNameConverter.TokenFormats.class,
            description = "instance ({instanceId}.{secret}, default) or opaque (random hex).")
    TokenFormat tokenFormat;

    @Option(
            names = "--workaround",
            split = ",",
            paramLabel = "NAME",
            converter = CliNameConverter.Workarounds.class,
            completionCandidates = Candidates.Workarounds.class,
            description = "Turn on a workaround (repeatable, or comma-separated); see below.")
    List<Workaround> workarounds = new ArrayList<>();

    @Option(
            names = "--auto-approve",
            description = "Grant every authorization request without the consent page.")
    boolean autoApprove;

    @Option(
            names = "--no-auth",
            description = "Serve the MCP endpoint without OAuth (for the conformance suite).")
    boolean noAuth;

    @Option(
            names = "--conformance-fixtures",
            description = "Also offer the tools the official conformance suite calls.")
    boolean conformanceFixtures;

    @Option(
            names = "--access-token-ttl",
            defaultValue = "1h",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Access token lifetime, e.g. 90s, 15m, 1h (default: ${DEFAULT-VALUE}).")
    Duration accessTokenTtl;

    @Option(
            names = "--refresh-token-ttl",
            defaultValue = "30d",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Refresh token lifetime (default: ${DEFAULT-VALUE}).")
    Duration refreshTokenTtl;

    @Option(
            names = "--allowed-origin",
            paramLabel = "ORIGIN",
            description = "A browser origin besides loopback pages that may call /mcp.")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(
            names = "--allowed-host",
            paramLabel = "HOST",
            description = "A Host header name besides loopback names and the public URL's.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(
            names = "--max-body",
            defaultValue = "1048576",
            paramLabel = "BYTES",
            description =
                    "Largest request body on /mcp; more gets 413 (default: ${DEFAULT-VALUE}).")
    int maxBody;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log every request decision (DEBUG).")
    boolean verbose;

    @Mixin OutputOptions output;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        long askedAt = System.nanoTime();
        ServerConfig config = config();
        Optional<ShellSession> shell = Settings.of(spec).session();
        if (shell.isPresent()) {
            shell.get().requireNoServer();
            Logs.configure(verbose, shell.get().logSink());
            // The shell has run for a while: its server's ready time counts from this command.
            shell.get().adopt(printReady(start(() -> McpAuthServer.start(config, askedAt))));
            return ExitCode.OK;
        }
        Logs.configure(verbose);
        // The hook is in place before the server starts: whoever reads the ready line may stop
        // the server at once, and a SIGTERM during the start still closes it once it is up.
        CompletableFuture<McpAuthServer> started = new CompletableFuture<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        started.get(30, TimeUnit.SECONDS).close();
                                    } catch (ExecutionException | TimeoutException e) {
                                        // It never started: nothing to close.
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    } finally {
                                        stopped.countDown();
                                    }
                                },
                                "mcpauth-shutdown"));
        McpAuthServer server;
        try {
            server = start(() -> McpAuthServer.start(config));
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            throw e;
        }
        started.complete(server);
        printReady(server);
        stopped.await();
        return ExitCode.OK;
    }

    private static McpAuthServer start(Supplier<McpAuthServer> starter) {
        try {
            return starter.get();
        } catch (StoreException e) {
            throw new CliException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }

    /** The data a script needs: where the server listens. */
    private McpAuthServer printReady(McpAuthServer server) {
        String url = server.urls().resource().toString();
        if (output.isJson()) {
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("url", url);
            ready.put("issuer", server.urls().issuer());
            ready.put("instance", server.instance().id());
            ready.put("store", server.store().describe());
            url = Json.write(ready);
        }
        spec.commandLine().getOut().println(url);
        spec.commandLine().getOut().flush();
        return server;
    }

    ServerConfig config() {
        if (port < 0 || port > 65535) {
            throw CliException.badValue("--port", "--port must be 0 to 65535, not " + port);
        }
        if (!mcpPath.startsWith("/") || mcpPath.length() < 2) {
            throw CliException.badValue(
                    "--mcp-path",
                    "--mcp-path must start with / and name a " + "path, for example /mcp");
        }
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null)) {
            throw CliException.badValue(
                    "--public-url",
                    "--public-url must be an absolute URL such "
                            + "as https://mcp.example.com, not "
                            + publicUrl);
        }
        if (publicUrl != null
                && !"http".equalsIgnoreCase(publicUrl.getScheme())
                && !"https".equalsIgnoreCase(publicUrl.getScheme())) {
            throw CliException.badValue(
                    "--public-url",
                    "--public-url must be an http or https URL such as https://mcp.example.com,"
                            + " not "
                            + publicUrl);
        }
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw CliException.badValue(
                    "--host",
                    "--host "
                            + host
                            + " is not an address or a name this machine can resolve; give one"
                            + " of its addresses, e.g. 127.0.0.1 or 0.0.0.0",
                    e);
        }
        if (maxBody < 1024) {
            throw CliException.badValue("--max-body", "--max-body must be at least 1024 bytes");
        }
        return ServerConfig.builder(dataDir != null ? dataDir : DataDirectory.defaultPath())
                .host(host)
                .port(port)
                .publicUrl(publicUrl)
                .mcpPath(mcpPath)
                .store(store)
                .tokenFormat(tokenFormat)
                .workarounds(workarounds.isEmpty() ? Set.of() : EnumSet.copyOf(workarounds))
                .autoApprove(autoApprove)
                .authEnabled(!noAuth)
                .conformanceFixtures(conformanceFixtures)
                .accessTokenTtl(accessTokenTtl)
                .refreshTokenTtl(refreshTokenTtl)
                .allowedOrigins(allowedOrigins)
                .allowedHosts(allowedHosts)
                .maxBodyBytes(maxBody)
                .build();
    }
}
