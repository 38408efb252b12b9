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
