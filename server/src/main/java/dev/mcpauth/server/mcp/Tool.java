package dev.mcpauth.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A tool the server offers (<a
 * href="https://modelcontextprotocol.io/specification/2025-11-25/server/tools">MCP 2025-11-25,
 * Tools</a>), with the OAuth scopes a caller must hold to call it.
 */
public interface Tool {

    String name();

    String description();

    ObjectNode inputSchema();

    List<String> requiredScopes();

    /** Runs the tool; a failure the caller should see is returned with {@code isError}. */
    ObjectNode call(JsonNode arguments, Caller caller);
}
