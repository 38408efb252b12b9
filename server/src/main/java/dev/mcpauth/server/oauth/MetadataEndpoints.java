package dev.mcpauth.server.oauth;

import dev.mcpauth.protocol.AuthorizationServerMetadata;
import dev.mcpauth.protocol.ProtectedResourceMetadata;
import dev.mcpauth.server.ServerContext;
import dev.mcpauth.server.ServerUrls;
import dev.mcpauth.server.http.Responses;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * The discovery documents: protected resource metadata (RFC 9728 section 3) and authorization
 * server metadata (RFC 8414 section 3), the latter also at the OpenID Connect Discovery location
 * that MCP 2025-11-25 clients probe.
 */
public final class MetadataEndpoints {

    private static final String SPEC =
            "https://modelcontextprotocol.io/specification/2025-11-25/basic/" + "authorization";

    private final ServerContext ctx;

    public MetadataEndpoints(ServerContext ctx) {
        this.ctx = ctx;
    }

    public void protectedResource(ServerRequest req, ServerResponse res) {
        ServerUrls urls = ctx.urls();
        Responses.json(
                res,
                Status.OK_200,
                new ProtectedResourceMetadata(
                        urls.resource(),
                        List.of(urls.authorizationServer()),
                        Scopes.SUPPORTED,
                        List.of("header"),
                        "mcpauth reference MCP server"));
    }

    public void authorizationServer(ServerRequest req, ServerResponse res) {
        ServerUrls urls = ctx.urls();
        List<String> authMethods = List.of("none", "client_secret_basic", "client_secret_post");
        Responses.json(
                res,
                Status.OK_200,
                new AuthorizationServerMetadata(
                        urls.issuer(),
                        urls.authorizationEndpoint(),
                        urls.tokenEndpoint(),
                        urls.registrationEndpoint(),
                        urls.revocationEndpoint(),
                        Scopes.SUPPORTED,
                        List.of("code"),
                        List.of("query"),
                        List.of("authorization_code", "refresh_token"),
                        authMethods,
                        authMethods,
                        List.of(Pkce.S256),
                        true,
                        false,
                        SPEC));
    }
}
