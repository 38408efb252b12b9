package dev.mcpauth.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.ServerInstance;
import dev.mcpauth.server.oauth.Scopes;
import dev.mcpauth.store.IssuedToken;
import java.util.List;

/**
 * Tells the caller what the server knows of its token: client, scopes, resource, the server
 * instance that issued it and when it expires. The token itself is never echoed; its fingerprint
 * is.
 */
final class WhoamiTool implements Tool {

    private final ServerInstance instance;

    WhoamiTool(ServerInstance instance) {
        this.instance = instance;
    }

    @Override
    public String name() {
        return "whoami";
    }

    @Override
    public String description() {
        return "Shows the client id, scopes, audience, issuing server instance and expiry of "
                + "the access token this request carries (never the token itself).";
    }

    @Override
    public ObjectNode inputSchema() {
        return ToolResults.objectSchema();
    }

    @Override
    public List<String> requiredScopes() {
        return List.of(Scopes.BASE);
    }

    @Override
    public ObjectNode call(JsonNode arguments, Caller caller) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("server_instance", instance.id());
        out.put("server_started_at", instance.startedAt().toString());
        if (caller.isAnonymous()) {
            out.put("authenticated", false);
            return ToolResults.structured(out);
        }
        IssuedToken token = caller.token();
        out.put("authenticated", true);
        out.put("client_id", token.clientId());
        out.put("scope", token.scope());
        out.put("aud", token.resource());
        out.put("issued_by_instance", token.instanceId());
        out.put("issued_by_this_instance", token.instanceId() == instance.id());
        out.put("issued_at", token.issuedAt().toString());
        out.put("expires_at", token.expiresAt().toString());
        out.put("token_fingerprint", token.fingerprint());
        return ToolResults.structured(out);
    }
}
