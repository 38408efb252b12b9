package dev.mcpauth.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.protocol.Json;

/** Builds {@code CallToolResult} objects: text content, structured content, tool errors. */
public final class ToolResults {

    private ToolResults() {}

    public static ObjectNode text(String text) {
        ObjectNode result = Json.mapper().createObjectNode();
        result.putArray("content").addObject().put("type", "text").put("text", text);
        return result;
    }

    /** Structured content, with its JSON text as the text content for older clients. */
    public static ObjectNode structured(JsonNode value) {
        ObjectNode result = text(Json.write(value));
        result.set("structuredContent", value);
        return result;
    }

    public static ObjectNode error(String message) {
        ObjectNode result = text(message);
        result.put("isError", true);
        return result;
    }

    public static ObjectNode objectSchema() {
        ObjectNode schema = Json.mapper().createObjectNode();
        schema.put("type", "object");
        schema.putObject("properties");
        return schema;
    }
}
