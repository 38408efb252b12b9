package dev.mcpauth.server.mcp;

import dev.mcpauth.server.ServerContext;
import java.util.ArrayList;
import java.util.List;

/** The tools every mcpauth server offers. */
public final class McpTools {

    private McpTools() {}

    /** The standard tools, and the conformance suite's fixtures when asked for. */
    public static List<Tool> offered(ServerContext ctx) {
        List<Tool> tools =
                new ArrayList<>(
                        List.of(
                                new WhoamiTool(ctx.instance()),
                                new EchoTool(),
                                new AuditLogTool(ctx.log())));
        if (ctx.config().conformanceFixtures()) {
            tools.addAll(ConformanceTools.fixtures());
        }
        return List.copyOf(tools);
    }
}
