package dev.mcpauth.server.mcp;

import dev.mcpauth.server.AuthorizationLog;
import dev.mcpauth.server.ServerInstance;
import java.util.List;

/** The tools every mcpauth server offers. */
public final class McpTools {

    private McpTools() {
    }

    public static List<Tool> standard(ServerInstance instance, AuthorizationLog log) {
        return List.of(new WhoamiTool(instance), new EchoTool(), new AuditLogTool(log));
    }
}
