package dev.mcpauth.server;

import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.TokenFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a server start needs. {@code publicUrl} is the origin that clients use and that
 * the metadata names; when null it is {@code http://localhost:<bound port>}.
 *
 * @param authEnabled false turns OAuth off on the MCP endpoint, for the conformance suite
 */
public record ServerConfig(
        String host,
        int port,
        URI publicUrl,
        String mcpPath,
        StoreKind store,
        Path dataDir,
        TokenFormat tokenFormat,
        Set<Workaround> workarounds,
        boolean autoApprove,
        boolean authEnabled,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        int maxBodyBytes) {

    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_MCP_PATH = "/mcp";

    public ServerConfig {
        workarounds = workarounds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workarounds));
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** The defaults of {@code mcpauth server}: loopback, port 3000, sqlite, instance tokens. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig("127.0.0.1", DEFAULT_PORT, null, DEFAULT_MCP_PATH,
                StoreKind.SQLITE, dataDir, TokenFormat.INSTANCE, Set.of(), false, true,
                Duration.ofHours(1), Duration.ofDays(30), List.of(), List.of(), 1 << 20);
    }

    public boolean has(Workaround workaround) {
        return workarounds.contains(workaround);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, publicUrl, mcpPath, store, dataDir, tokenFormat,
                workarounds, autoApprove, authEnabled, accessTokenTtl, refreshTokenTtl,
                allowedOrigins, allowedHosts, maxBodyBytes);
    }

    public ServerConfig withStore(StoreKind newStore) {
        return new ServerConfig(host, port, publicUrl, mcpPath, newStore, dataDir, tokenFormat,
                workarounds, autoApprove, authEnabled, accessTokenTtl, refreshTokenTtl,
                allowedOrigins, allowedHosts, maxBodyBytes);
    }

    public ServerConfig withAutoApprove(boolean approve) {
        return new ServerConfig(host, port, publicUrl, mcpPath, store, dataDir, tokenFormat,
                workarounds, approve, authEnabled, accessTokenTtl, refreshTokenTtl,
                allowedOrigins, allowedHosts, maxBodyBytes);
    }

    public ServerConfig withWorkarounds(Set<Workaround> chosen) {
        return new ServerConfig(host, port, publicUrl, mcpPath, store, dataDir, tokenFormat,
                chosen, autoApprove, authEnabled, accessTokenTtl, refreshTokenTtl,
                allowedOrigins, allowedHosts, maxBodyBytes);
    }

    public ServerConfig withTokenFormat(TokenFormat format) {
        return new ServerConfig(host, port, publicUrl, mcpPath, store, dataDir, format,
                workarounds, autoApprove, authEnabled, accessTokenTtl, refreshTokenTtl,
                allowedOrigins, allowedHosts, maxBodyBytes);
    }

    public ServerConfig withAuthEnabled(boolean enabled) {
        return new ServerConfig(host, port, publicUrl, mcpPath, store, dataDir, tokenFormat,
                workarounds, autoApprove, enabled, accessTokenTtl, refreshTokenTtl,
                allowedOrigins, allowedHosts, maxBodyBytes);
    }

    public ServerConfig withAccessTokenTtl(Duration ttl) {
        return new ServerConfig(host, port, publicUrl, mcpPath, store, dataDir, tokenFormat,
                workarounds, autoApprove, authEnabled, ttl, refreshTokenTtl,
                allowedOrigins, allowedHosts, maxBodyBytes);
    }
}
