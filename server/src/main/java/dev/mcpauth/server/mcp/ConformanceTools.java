package dev.mcpauth.server.mcp;

import java.util.List;

/**
 * The fixture tools that the official conformance suite's server scenarios call by name, offered
 * only with {@code --conformance-fixtures}.
 */
final class ConformanceTools {

    private ConformanceTools() {}

    static List<Tool> fixtures() {
        return List.of();
    }
}
