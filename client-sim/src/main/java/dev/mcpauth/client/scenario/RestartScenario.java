package dev.mcpauth.client.scenario;

import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.session.ConnectResult;
import dev.mcpauth.client.session.Connection;
import dev.mcpauth.client.session.SessionOptions;
import dev.mcpauth.client.trace.HttpExchange;
import dev.mcpauth.client.trace.Trace;
import dev.mcpauth.client.trace.TraceEvent.Level;
import dev.mcpauth.server.McpAuthServer;
import dev.mcpauth.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A client logs in to a fresh mcpauth server in this process, the server restarts on the same port
 * with the same configuration, and the client connects again with what it cached. The person at the
 * browser approves whenever asked, so STUCK means no login can help.
 */
public final class RestartScenario {

    public static final String BEFORE = "connect";
    public static final String RESTART = "restart";
    public static final String AFTER = "reconnect";

    private RestartScenario() {}

    /**
     * @param dataDir where the sqlite store lives; the caller owns it
     */
    public static RestartOutcome run(
            ClientProfile profile,
            ServerSetup setup,
            Path dataDir,
            CredentialCache cache,
            SessionOptions options) {
        ServerConfig config =
                ServerConfig.builder(dataDir)
                        .port(0)
                        .store(setup.store())
                        .tokenFormat(setup.tokenFormat())
                        .workarounds(setup.workarounds())
                        .build();
        Trace trace = new Trace();
        McpAuthServer server = McpAuthServer.start(config);
        try {
            URI url = URI.create(server.urls().resource());
            trace.phase(BEFORE);
            ConnectResult before = new Connection(profile, url, cache, options, trace).run();
            if (!before.connected()) {
                return outcome(
                        profile,
                        setup,
                        Verdict.STUCK,
                        "the first connection already failed: " + before.failure(),
                        before,
                        before,
                        trace);
            }
            trace.phase(RESTART);
            server = restart(server, config, trace);
            trace.phase(AFTER);
            ConnectResult after = new Connection(profile, url, cache, options, trace).run();
            return judge(profile, setup, before, after, trace);
        } finally {
            server.close();
        }
    }

    private static McpAuthServer restart(McpAuthServer server, ServerConfig config, Trace trace) {
        int port = server.port();
        long old = server.instance().id();
        server.close();
        McpAuthServer next = McpAuthServer.start(config.toBuilder().port(port).build());
        trace.log(
                Level.INFO,
                "server restarted: instance "
                        + old
                        + " -> "
                        + next.instance().id()
                        + " (store "
                        + config.store().name().toLowerCase(java.util.Locale.ROOT)
                        + ")");
        return next;
    }

    private static RestartOutcome judge(
            ClientProfile profile,
            ServerSetup setup,
            ConnectResult before,
            ConnectResult after,
            Trace trace) {
        List<String> steps = steps(trace.exchanges(AFTER));
        if (!after.connected()) {
            return outcome(profile, setup, Verdict.STUCK, after.failure(), before, after, trace);
        }
        Verdict verdict = after.personActed() ? Verdict.NEEDS_LOGIN : Verdict.RECOVERED;
        String reason =
                verdict == Verdict.RECOVERED
                        ? "reconnected with its stored credentials" + via(steps)
                        : "reconnected after a person logged in again" + via(steps);
        return outcome(profile, setup, verdict, reason, before, after, trace);
    }

    private static String via(List<String> steps) {
        List<String> oauth = steps.stream().filter(s -> !s.equals("mcp")).distinct().toList();
        return oauth.isEmpty() ? "" : " (" + String.join(", ", oauth) + ")";
    }

    private static RestartOutcome outcome(
            ClientProfile profile,
            ServerSetup setup,
            Verdict verdict,
            String reason,
            ConnectResult before,
            ConnectResult after,
            Trace trace) {
        return new RestartOutcome(
                profile.name(),
                setup,
                verdict,
                reason,
                after.roundTrips(),
                after.personActed(),
                steps(trace.exchanges(AFTER)),
                before,
                after,
                trace);
    }

    /** What each exchange was for, consecutive repeats folded. */
    static List<String> steps(List<HttpExchange> exchanges) {
        List<String> steps = new ArrayList<>();
        for (HttpExchange x : exchanges) {
            String step = step(x);
            if (steps.isEmpty() || !steps.get(steps.size() - 1).equals(step)) {
                steps.add(step);
            }
        }
        return steps;
    }

    private static String step(HttpExchange x) {
        String path = URI.create(x.url()).getPath();
        if (path.startsWith("/.well-known/")) {
            return "discovery";
        }
        if (path.endsWith("/register")) {
            return "registration";
        }
        if (path.endsWith("/authorize")) {
            return "login";
        }
        if (path.endsWith("/token")) {
            String body = x.requestBody() == null ? "" : x.requestBody();
            return body.contains("grant_type=refresh_token") ? "refresh" : "code exchange";
        }
        return "mcp";
    }
}
