package dev.mcpauth.server;

import dev.mcpauth.server.http.ConnectionLimit;
import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.TokenFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a server start needs. {@code publicUrl} is the origin that clients use and that the
 * metadata names; when null it is {@code http://localhost:<bound port>}.
 *
 * @param authEnabled false turns OAuth off on the MCP endpoint, for the conformance suite
 * @param conformanceFixtures adds the tools the official conformance suite calls
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
        boolean conformanceFixtures,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        int maxBodyBytes,
        int maxConnections) {

    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_MCP_PATH = "/mcp";

    public ServerConfig {
        workarounds = workarounds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workarounds));
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
    }

    public boolean has(Workaround workaround) {
        return workarounds.contains(workaround);
    }

    /** The defaults of {@code mcpauth server}: loopback, port 3000, sqlite, instance tokens. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public Builder toBuilder() {
        Builder b = new Builder(dataDir);
        b.host = host;
        b.port = port;
        b.publicUrl = publicUrl;
        b.mcpPath = mcpPath;
        b.store = store;
        b.tokenFormat = tokenFormat;
        b.workarounds = workarounds;
        b.autoApprove = autoApprove;
        b.authEnabled = authEnabled;
        b.conformanceFixtures = conformanceFixtures;
        b.accessTokenTtl = accessTokenTtl;
        b.refreshTokenTtl = refreshTokenTtl;
        b.allowedOrigins = allowedOrigins;
        b.allowedHosts = allowedHosts;
        b.maxBodyBytes = maxBodyBytes;
        b.maxConnections = maxConnections;
        return b;
    }

    /** Builds a configuration from the defaults, one setting at a time. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private URI publicUrl;
        private String mcpPath = DEFAULT_MCP_PATH;
        private StoreKind store = StoreKind.SQLITE;
        private Path dataDir;
        private TokenFormat tokenFormat = TokenFormat.INSTANCE;
        private Set<Workaround> workarounds = Set.of();
        private boolean autoApprove;
        private boolean authEnabled = true;
        private boolean conformanceFixtures;
        private Duration accessTokenTtl = Duration.ofHours(1);
        private Duration refreshTokenTtl = Duration.ofDays(30);
        private List<String> allowedOrigins = List.of();
        private List<String> allowedHosts = List.of();
        private int maxBodyBytes = 1 << 20;
        private int maxConnections = ConnectionLimit.forThisProcess();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder publicUrl(URI value) {
            publicUrl = value;
            return this;
        }

        public Builder mcpPath(String value) {
            mcpPath = value;
            return this;
        }

        public Builder store(StoreKind value) {
            store = value;
            return this;
        }

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        public Builder tokenFormat(TokenFormat value) {
            tokenFormat = value;
            return this;
        }

        public Builder workarounds(Set<Workaround> value) {
            workarounds = value;
            return this;
        }

        public Builder autoApprove(boolean value) {
            autoApprove = value;
            return this;
        }

        public Builder authEnabled(boolean value) {
            authEnabled = value;
            return this;
        }

        public Builder conformanceFixtures(boolean value) {
            conformanceFixtures = value;
            return this;
        }

        public Builder accessTokenTtl(Duration value) {
            accessTokenTtl = value;
            return this;
        }

        public Builder refreshTokenTtl(Duration value) {
            refreshTokenTtl = value;
            return this;
        }

        public Builder allowedOrigins(List<String> value) {
            allowedOrigins = value;
            return this;
        }

        public Builder allowedHosts(List<String> value) {
            allowedHosts = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            maxBodyBytes = value;
            return this;
        }

        /**
         * TCP connections held at once; more wait for a free slot (see {@link ConnectionLimit}).
         */
        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(
                    host,
                    port,
                    publicUrl,
                    mcpPath,
                    store,
                    dataDir,
                    tokenFormat,
                    workarounds,
                    autoApprove,
                    authEnabled,
                    conformanceFixtures,
                    accessTokenTtl,
                    refreshTokenTtl,
                    allowedOrigins,
                    allowedHosts,
                    maxBodyBytes,
                    maxConnections);
        }
    }
}
