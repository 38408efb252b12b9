package dev.mcpauth.server;

import dev.mcpauth.protocol.WellKnown;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the authorization server metadata is served: the RFC 8414 and OpenID Connect locations of
 * the root issuer, and with as-url-rotation those of this start's AS URL too, in both the inserted
 * and the appended form that clients probe (MCP 2025-11-25, Authorization Server Metadata
 * Discovery).
 */
final class AuthorizationServerPaths {

    private AuthorizationServerPaths() {}

    static List<String> all(ServerContext ctx) {
        Set<String> paths = new LinkedHashSet<>();
        paths.add("/.well-known/" + WellKnown.AUTHORIZATION_SERVER);
        paths.add("/.well-known/" + WellKnown.OPENID_CONFIGURATION);
        if (ctx.config().has(Workaround.AS_URL_ROTATION)) {
            URI asUrl = URI.create("http://h" + ServerUrls.asPath(ctx.instance()));
            paths.add(WellKnown.pathInserted(asUrl, WellKnown.AUTHORIZATION_SERVER).getPath());
            paths.add(WellKnown.pathInserted(asUrl, WellKnown.OPENID_CONFIGURATION).getPath());
            paths.add(WellKnown.appended(asUrl, WellKnown.OPENID_CONFIGURATION).getPath());
        }
        return List.copyOf(paths);
    }
}
