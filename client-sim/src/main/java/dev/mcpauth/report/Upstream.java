package dev.mcpauth.report;

import java.util.List;

/** Where a report about a diagnosis belongs: a project's issue tracker and its usual labels. */
public record Upstream(String project, String issues, List<String> labels) {

    static final Upstream VSCODE =
            new Upstream(
                    "VS Code", "https://github.com/microsoft/vscode/issues", List.of("bug", "mcp"));
    static final Upstream TYPESCRIPT_SDK =
            new Upstream(
                    "MCP TypeScript SDK",
                    "https://github.com/modelcontextprotocol/typescript-sdk/issues",
                    List.of("bug", "auth"));
    static final Upstream PYTHON_SDK =
            new Upstream(
                    "MCP Python SDK",
                    "https://github.com/modelcontextprotocol/python-sdk/issues",
                    List.of("bug", "auth"));
    static final Upstream SERVER =
            new Upstream(
                    "the MCP server's project",
                    "the server's issue tracker",
                    List.of("bug", "oauth"));
    static final Upstream PROXY =
            new Upstream(
                    "the proxy or middleware in front of the MCP server",
                    "the team that runs the proxy",
                    List.of("configuration"));
}
