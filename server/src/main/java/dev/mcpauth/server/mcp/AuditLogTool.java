package dev.mcpauth.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.AuthorizationLog;
import dev.mcpauth.server.oauth.Scopes;
import java.util.List;

/**
 * The server's latest authorization decisions, fingerprints only. It needs the extra scope {@code
 * mcp:audit}, so calling it with a plain token exercises 403 step-up.
 */
final class AuditLogTool implements Tool {

    private final AuthorizationLog log;

    AuditLogTool(AuthorizationLog log) {
        this.log = log;
    }

    @Override
    public String name() {
        return "audit_log";
    }

    @Override
    public String description() {
        return "Lists the server's latest authorization decisions (needs scope mcp:audit).";
    }

    @Override
    public ObjectNode inputSchema() {
        return ToolResults.objectSchema();
    }

    @Override
    public List<String> requiredScopes() {
        return List.of(Scopes.BASE, Scopes.AUDIT);
    }

    @Override
    public ObjectNode call(JsonNode arguments, Caller caller) {
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode lines = out.putArray("decisions");
        log.recent().forEach(d -> lines.add(d.at() + " " + d.toLine()));
        return ToolResults.structured(out);
    }
}
