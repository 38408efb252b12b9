package dev.mcpauth.client.session;

import dev.mcpauth.client.cache.CachedCredentials;
import dev.mcpauth.client.cache.CredentialCache;
import dev.mcpauth.client.discovery.DiscoveryResult;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.trace.Trace;
import dev.mcpauth.client.trace.TraceEvent.Level;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The entry of the credential cache that one connection reads and writes, keyed as its profile keys
 * it: by server URL, or also by the issuer and resource that discovery found.
 */
final class CredentialSlot {

    private final ClientProfile profile;
    private final URI mcpUrl;
    private final CredentialCache cache;
    private final Supplier<DiscoveryResult> found;
    private final Trace trace;

    CredentialSlot(
            ClientProfile profile,
            URI mcpUrl,
            CredentialCache cache,
            Supplier<DiscoveryResult> found,
            Trace trace) {
        this.profile = profile;
        this.mcpUrl = mcpUrl;
        this.cache = cache;
        this.found = found;
        this.trace = trace;
    }

    String key() {
        DiscoveryResult discovered = found.get();
        return profile.cacheKey()
                .key(
                        mcpUrl,
                        discovered == null ? null : discovered.authorizationServer().toString(),
                        discovered == null ? null : discovered.resource());
    }

    CachedCredentials get() {
        return cache.get(profile.name(), key());
    }

    void put(CachedCredentials value) {
        cache.put(profile.name(), key(), value);
    }

    void forgetClientAndTokens() {
        put(CachedCredentials.empty());
    }

    void forgetTokens() {
        put(get().withoutTokens());
    }

    /** SEP-2352: credentials obtained from another issuer are not used. */
    void forgetIfIssuerChanged() {
        CachedCredentials entry = get();
        String issuer = found.get().issuer();
        boolean other =
                entry.client() != null
                        && entry.client().issuer() != null
                        && !entry.client().issuer().equals(issuer);
        if (other) {
            trace.log(
                    Level.INFO,
                    "stored credentials belong to issuer "
                            + entry.client().issuer()
                            + ", not "
                            + issuer
                            + "; discarding them");
            forgetClientAndTokens();
        }
    }
}
