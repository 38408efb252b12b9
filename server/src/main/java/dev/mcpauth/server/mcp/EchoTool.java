package dev.mcpauth.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.server.oauth.Scopes;
import java.util.List;

/** Returns its {@code text} argument: the cheapest authenticated call, for tests and load. */
final class EchoTool implements Tool {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "Returns the text it is given.";
    }

    @Override
    public ObjectNode inputSchema() {
        ObjectNode schema = ToolResults.objectSchema();
        schema.with("properties")
                .putObject("text")
                .put("type", "string")
                .put("description", "what to echo");
        schema.putArray("required").add("text");
        return schema;
    }

    @Override
    public List<String> requiredScopes() {
        return List.of(Scopes.BASE);
    }

    @Override
    public ObjectNode call(JsonNode arguments, Caller caller) {
        JsonNode text = arguments == null ? null : arguments.get("text");
        if (text == null || !text.isTextual()) {
            return ToolResults.error("echo needs a string argument 'text'");
        }
        return ToolResults.text(text.asText());
    }
}
