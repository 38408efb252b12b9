package dev.mcpauth.client.scenario;

import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.session.ConnectResult;
import dev.mcpauth.client.session.Connection;
import dev.mcpauth.client.session.SessionOptions;
import dev.mcpauth.client.trace.Trace;
import dev.mcpauth.store.DataDirectory;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One session of one profile against any server, with the credential cache on disk, so that two
 * runs on either side of a real server restart show what a user of that client sees.
 */
public final class ConnectScenario {

    /** The outcome, the trace, where the cache lives and how many entries were forgotten. */
    public record ConnectRun(ConnectResult result, Trace trace, Path cacheFile, int forgotten) {}

    private ConnectScenario() {}

    /** The cache directory when none is given: the user's mcpauth state directory. */
    public static Path defaultCacheDir() {
        return DataDirectory.defaultPath();
    }

    public static ConnectRun run(
            ClientProfile profile,
            String url,
            Path cacheDir,
            boolean forget,
            SessionOptions options) {
        URI endpoint = endpoint(url);
        CredentialCache cache =
                CredentialCache.open(cacheDir == null ? defaultCacheDir() : cacheDir);
        int forgotten = forget ? cache.forget(profile.name()) : 0;
        Trace trace = new Trace();
        ConnectResult result = new Connection(profile, endpoint, cache, options, trace).run();
        return new ConnectRun(result, trace, cache.file(), forgotten);
    }

    /**
     * A run for the official conformance suite's client mode: nothing cached on disk, the
     * pre-registered client from {@code MCP_CONFORMANCE_CONTEXT} when the scenario gives one, and a
     * call of the first tool listed.
     *
     * @param context the JSON of {@code MCP_CONFORMANCE_CONTEXT}, or null
     */
    public static ConnectRun conformance(
            ClientProfile profile, String url, String context, SessionOptions options) {
        SessionOptions run = options.withTool(SessionOptions.FIRST_TOOL, null);
        if (context != null && !context.isBlank()) {
            try {
                com.fasterxml.jackson.databind.JsonNode json =
                        dev.mcpauth.protocol.Json.mapper().readTree(context);
                if (json.hasNonNull("client_id")) {
                    run =
                            run.withClient(
                                    json.get("client_id").asText(),
                                    json.path("client_secret").asText(null));
                }
            } catch (java.io.IOException e) {
                throw new ClientSimException(
                        ClientSimException.Kind.USAGE,
                        "MCP_CONFORMANCE_CONTEXT is not JSON: " + e.getMessage());
            }
        }
        Trace trace = new Trace();
        ConnectResult result =
                new Connection(profile, endpoint(url), CredentialCache.inMemory(), run, trace)
                        .run();
        return new ConnectRun(result, trace, null, 0);
    }

    static URI endpoint(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw usage(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw usage(url);
        }
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri.resolve("/") : uri;
    }

    private static ClientSimException usage(String url) {
        return new ClientSimException(
                ClientSimException.Kind.USAGE,
                "'"
                        + url
                        + "' is not an http(s) URL; give the MCP endpoint, such as"
                        + " http://localhost:3000/mcp");
    }
}
