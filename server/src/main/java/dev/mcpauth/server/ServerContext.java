package dev.mcpauth.server;

import dev.mcpauth.server.http.OriginPolicy;
import dev.mcpauth.store.AuthStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What every endpoint of one running server shares. The URLs are known only once the port is bound,
 * so they are set by {@link #bind} before the first request can arrive.
 */
public final class ServerContext {

    private final ServerConfig config;
    private final ServerInstance instance;
    private final AuthStore store;
    private final AuthorizationLog log;
    private final OriginPolicy origins;
    private volatile ServerUrls urls;

    public ServerContext(
            ServerConfig config, ServerInstance instance, AuthStore store, AuthorizationLog log) {
        this.config = config;
        this.instance = instance;
        this.store = store;
        this.log = log;
        this.origins = new OriginPolicy(config);
    }

    void bind(int port) {
        urls = ServerUrls.of(config, instance, port);
    }

    public ServerConfig config() {
        return config;
    }

    public ServerInstance instance() {
        return instance;
    }

    public AuthStore store() {
        return store;
    }

    public AuthorizationLog log() {
        return log;
    }

    public OriginPolicy origins() {
        return origins;
    }

    public ServerUrls urls() {
        return urls;
    }

    /** Now, to the millisecond: the precision every store keeps, so all stores answer alike. */
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The scopes a 401 challenge asks for: the base scope, plus the instance scope on demand. */
    public List<String> challengeScopes(List<String> needed) {
        if (!config.has(Workaround.DYNAMIC_SCOPE)) {
            return needed;
        }
        return java.util.stream.Stream.concat(
                        needed.stream(), java.util.stream.Stream.of(instance.scope()))
                .toList();
    }
}
