package dev.mcpauth.client.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.discovery.Discovery;
import dev.mcpauth.client.discovery.DiscoveryResult;
import dev.mcpauth.client.mcp.McpClient;
import dev.mcpauth.client.oauth.ClientCredentials;
import dev.mcpauth.client.oauth.OAuthClient;
import dev.mcpauth.client.oauth.OAuthFailure;
import dev.mcpauth.client.oauth.SimulatedPerson;
import dev.mcpauth.client.oauth.StoredTokens;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.trace.HttpExchange;
import dev.mcpauth.client.trace.RecordingHttpClient;
import dev.mcpauth.client.trace.RecordingHttpClient.Response;
import dev.mcpauth.client.trace.Trace;
import dev.mcpauth.client.trace.TraceEvent.Level;
import dev.mcpauth.protocol.AuthChallenges;
import dev.mcpauth.protocol.BearerChallenge;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One connection of a simulated client to an MCP server: initialize, initialized, tools/list and a
 * tool call, with the profile's strategy deciding what each 401 or 403 leads to. It reads and
 * updates the credential cache as the real client would, and records every exchange.
 */
public final class Connection {

    private static final int MAX_RETRIES_PER_REQUEST = 8;

    private final ClientProfile profile;
    private final URI mcpUrl;
    private final SessionOptions options;
    private final Trace trace;
    private final RecordingHttpClient http;
    private final RecordingHttpClient authHttp;
    private final Discovery discovery;
    private final OAuthClient oauth;
    private final SimulatedPerson person;
    private final McpClient mcp;
    private final RecoveryStrategy strategy;
    private final LoginFlow loginFlow;
    private final CredentialSlot credentials;
    private DiscoveryResult found;
    private boolean personActed;
    private int exchangesBefore;

    public Connection(
            ClientProfile profile,
            URI mcpUrl,
            CredentialCache cache,
            SessionOptions options,
            Trace trace) {
        this.profile = profile;
        this.mcpUrl = mcpUrl;
        this.options = options;
        this.trace = trace;
        Map<String, String> agent =
                profile.userAgent() == null
                        ? Map.of()
                        : Map.of(
                                profile.isVsCode() ? "user-agent" : "User-Agent",
                                profile.userAgent());
        this.http = new RecordingHttpClient(trace, options.timeout(), agent, HttpExchange.CLIENT);
        this.authHttp = new RecordingHttpClient(trace, options.timeout(), agent, HttpExchange.AUTH);
        this.discovery = new Discovery(profile, http, trace);
        this.oauth = new OAuthClient(authHttp);
        this.person =
                new SimulatedPerson(
                        new RecordingHttpClient(
                                trace, options.timeout(), Map.of(), HttpExchange.BROWSER));
        this.mcp = new McpClient(mcpUrl, http, profile.client());
        this.strategy = RecoveryStrategy.of(profile);
        this.loginFlow = new LoginFlow(this, oauth, person, options);
        this.credentials = new CredentialSlot(profile, mcpUrl, cache, () -> found, trace);
    }

    /** Connects, lists the tools and calls one; never throws for what a server does. */
    public ConnectResult run() {
        exchangesBefore = trace.exchanges(trace.phase()).size();
        if (profile.isVsCode()) {
            log(Level.INFO, "Starting server " + options.label());
            log(Level.INFO, "Connection state: Starting");
        }
        String serverName = null;
        List<String> tools = new ArrayList<>();
        String toolCalled = null;
        JsonNode toolResult = null;
        try {
            ObjectNode init = mcp.initialize();
            Reply initialized = call(init);
            mcp.accept(initialized.response(), initialized.result());
            serverName = initialized.result().path("serverInfo").path("name").asText(null);
            call(mcp.initialized());
            Reply listed = call(mcp.toolsList());
            listed.result().path("tools").forEach(t -> tools.add(t.path("name").asText()));
            if (profile.isVsCode()) {
                log(Level.INFO, "Connection state: Running");
                log(Level.INFO, "Discovered " + tools.size() + " tools");
            }
            toolCalled = chooseTool(tools);
            if (toolCalled != null) {
                toolResult = call(mcp.toolsCall(toolCalled, arguments(toolCalled))).result();
            }
            return result(true, false, null, null, serverName, tools, toolCalled, toolResult);
        } catch (Stuck e) {
            return result(
                    false,
                    true,
                    e.getMessage(),
                    ClientSimException.Kind.AUTHORIZATION,
                    serverName,
                    tools,
                    null,
                    null);
        } catch (OAuthFailure e) {
            return result(
                    false,
                    true,
                    e.getMessage(),
                    ClientSimException.Kind.AUTHORIZATION,
                    serverName,
                    tools,
                    null,
                    null);
        } catch (ClientSimException e) {
            boolean stuck = e.kind() == ClientSimException.Kind.AUTHORIZATION;
            return result(false, stuck, e.getMessage(), e.kind(), serverName, tools, null, null);
        } catch (IllegalArgumentException e) {
            // URI.create on a Location header or an endpoint from metadata the server sent.
            return result(
                    false,
                    false,
                    "the server sent a URL that cannot be parsed: " + e.getMessage(),
                    ClientSimException.Kind.PROTOCOL,
                    serverName,
                    tools,
                    null,
                    null);
        }
    }

    private ConnectResult result(
            boolean connected,
            boolean stuck,
            String failure,
            ClientSimException.Kind kind,
            String serverName,
            List<String> tools,
            String toolCalled,
            JsonNode toolResult) {
        int trips = trace.exchanges(trace.phase()).size() - exchangesBefore;
        return new ConnectResult(
                connected,
                stuck,
                failure,
                kind,
                personActed,
                trips,
                serverName,
                List.copyOf(tools),
                toolCalled,
                toolResult);
    }

    private record Reply(Response response, JsonNode result) {}

    private Reply call(ObjectNode message) {
        strategy.beginRequest();
        String token = strategy.token(this);
        for (int attempt = 0; attempt < MAX_RETRIES_PER_REQUEST; attempt++) {
            Response res = mcp.post(message, token);
            if (res.status() == 401 || res.status() == 403) {
                token = strategy.onUnauthorized(this, res, token, message);
                continue;
            }
            if (!res.ok()) {
                throw failedRequest(res, message);
            }
            if (!message.has("id")) {
                return new Reply(res, null);
            }
            return new Reply(res, mcp.result(res, message));
        }
        throw new Stuck(
                message.path("method").asText()
                        + " was refused "
                        + MAX_RETRIES_PER_REQUEST
                        + " times in a row");
    }

    private ClientSimException failedRequest(Response res, ObjectNode message) {
        String body = oneLine(res.body());
        if (profile.isVsCode()) {
            log(
                    Level.INFO,
                    "Connection state: Error "
                            + res.status()
                            + " status sending message to "
                            + mcpUrl
                            + ": "
                            + body);
        }
        return new ClientSimException(
                ClientSimException.Kind.PROTOCOL,
                "POST "
                        + mcpUrl
                        + " ("
                        + message.path("method").asText()
                        + ") answered "
                        + res.status()
                        + (body.isEmpty() ? "" : ": " + body)
                        + (res.status() == 404 || res.status() == 405
                                ? "; is this the URL of an MCP endpoint?"
                                : ""));
    }

    /** What VS Code logs when a 401 or 403 ends the connection; returns the reason. */
    Stuck giveUp(Response res, ObjectNode request, String reason) {
        if (profile.isVsCode()) {
            log(
                    Level.INFO,
                    "Connection state: Error "
                            + res.status()
                            + " status sending message to "
                            + mcpUrl
                            + ": "
                            + oneLine(res.body()));
            if ("initialize".equals(request.path("method").asText())) {
                log(Level.ERROR, "Server exited before responding to `initialize` request.");
            }
        }
        return new Stuck(reason);
    }

    // ---- what strategies use ----

    ClientProfile profile() {
        return profile;
    }

    URI mcpUrl() {
        return mcpUrl;
    }

    DiscoveryResult found() {
        return found;
    }

    void log(Level level, String message) {
        trace.log(level, message);
    }

    /** The Bearer challenge of a response; a parameter given twice is an error. */
    BearerChallenge challenge(Response res) {
        List<String> headers = res.headers("WWW-Authenticate");
        for (String header : headers) {
            for (AuthChallenges.Challenge c : AuthChallenges.parse(header)) {
                for (AuthChallenges.Param p : c.params()) {
                    if (c.count(p.name()) > 1) {
                        throw new ClientSimException(
                                ClientSimException.Kind.BAD_METADATA,
                                "the WWW-Authenticate challenge gives "
                                        + p.name()
                                        + " more than once ("
                                        + header
                                        + "); a server must send each parameter once (RFC"
                                        + " 9110 section 11.2)");
                    }
                }
            }
        }
        return headers.stream()
                .map(BearerChallenge::parse)
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElse(new BearerChallenge(null, null, null, null));
    }

    /** Runs discovery for a challenge, logging what VS Code logs about it. */
    DiscoveryResult discover(Response res) {
        BearerChallenge challenge = challenge(res);
        if (profile.isVsCode()) {
            if (challenge.resourceMetadata() != null) {
                log(
                        Level.DEBUG,
                        "Found resource_metadata challenge in WWW-Authenticate header: "
                                + challenge.resourceMetadata());
            }
            if (challenge.scope() != null) {
                log(
                        Level.DEBUG,
                        "Found scope challenge in WWW-Authenticate header: " + challenge.scope());
            }
        }
        URI header = null;
        if (challenge.resourceMetadata() != null) {
            try {
                header = mcpUrl.resolve(challenge.resourceMetadata());
            } catch (IllegalArgumentException e) {
                throw new ClientSimException(
                        ClientSimException.Kind.BAD_METADATA,
                        "resource_metadata '"
                                + challenge.resourceMetadata()
                                + "' in WWW-Authenticate is not a URL");
            }
        }
        found = discovery.discover(mcpUrl, header);
        return found;
    }

    List<String> scopes(BearerChallenge challenge) {
        return Discovery.scopes(challenge.scope(), found, profile.isVsCode());
    }

    /** The cache entry this connection reads and writes. */
    CredentialSlot credentials() {
        return credentials;
    }

    // ---- OAuth steps ----

    String resource() {
        if (found != null && found.resource() != null) {
            return found.resource();
        }
        return profile.isVsCode() || profile.name().startsWith("ts-sdk") ? null : mcpUrl.toString();
    }

    StoredTokens login(List<String> scopes, boolean rediscover, Response challenged) {
        return loginFlow.login(scopes, rediscover, challenged);
    }

    StoredTokens refresh(StoredTokens tokens) {
        return loginFlow.refresh(tokens);
    }

    ClientCredentials ensureClient() {
        return loginFlow.ensureClient();
    }

    void personActed() {
        personActed = true;
    }

    private String chooseTool(List<String> tools) {
        if (SessionOptions.FIRST_TOOL.equals(options.tool())) {
            return tools.isEmpty() ? null : tools.get(0);
        }
        if (options.tool() != null) {
            return options.tool();
        }
        for (String name : List.of("whoami", "echo")) {
            if (tools.contains(name)) {
                return name;
            }
        }
        return null;
    }

    private JsonNode arguments(String tool) {
        if (options.toolArguments() != null) {
            return options.toolArguments();
        }
        ObjectNode args = dev.mcpauth.protocol.Json.mapper().createObjectNode();
        if (tool.equals("echo")) {
            args.put("text", "hello from " + profile.name());
        }
        return args;
    }

    /** A response body as one short line; an HTML page is reduced to its text. */
    static String oneLine(String body) {
        if (body == null) {
            return "";
        }
        String text = body.stripLeading();
        if (text.regionMatches(true, 0, "<!doctype html", 0, 14)
                || text.regionMatches(true, 0, "<html", 0, 5)) {
            text =
                    "(HTML) "
                            + text.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                                    .replaceAll("<[^>]*>", " ");
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
