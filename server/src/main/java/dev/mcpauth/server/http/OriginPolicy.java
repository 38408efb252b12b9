package dev.mcpauth.server.http;

import dev.mcpauth.server.ServerConfig;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code Host} and {@code Origin} headers the server answers: loopback names, the host of the
 * public URL, and whatever was allowed explicitly. Anything else is a DNS-rebinding attempt or
 * another site's page and gets 403 (MCP 2025-11-25, Transports, security warning).
 */
public final class OriginPolicy {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> hosts = new HashSet<>(LOOPBACK);
    private final Set<String> origins = new HashSet<>();

    public OriginPolicy(ServerConfig config) {
        if (config.publicUrl() != null) {
            hosts.add(config.publicUrl().getHost().toLowerCase(Locale.ROOT));
            origins.add(originOf(config.publicUrl()));
        }
        config.allowedHosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
        config.allowedOrigins().forEach(o -> origins.add(o.toLowerCase(Locale.ROOT)));
    }

    /** The {@code Host} header names this server, whatever the port. */
    public boolean allowsHost(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        return hosts.contains(hostName(hostHeader.strip().toLowerCase(Locale.ROOT)));
    }

    /** No {@code Origin} (not a browser), a loopback page, or an origin allowed explicitly. */
    public boolean allowsOrigin(String origin) {
        if (origin == null) {
            return true;
        }
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        if (origins.contains(normalized)) {
            return true;
        }
        try {
            URI uri = URI.create(normalized);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return web && uri.getHost() != null && LOOPBACK.contains(uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String hostName(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            return close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
        }
        int colon = hostAndPort.indexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    private static String originOf(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return (uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT);
    }
}
