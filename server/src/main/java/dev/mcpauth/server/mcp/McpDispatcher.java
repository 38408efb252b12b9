package dev.mcpauth.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.JsonRpc;
import dev.mcpauth.protocol.McpRevision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers MCP requests: initialize (lifecycle, version negotiation), ping, tools/list, tools/call
 * and logging/setLevel (MCP 2025-11-25). Anything else is -32601.
 */
public final class McpDispatcher {

    static final String SERVER_NAME = "mcpauth";

    /** The levels of MCP 2025-11-25, Logging: the syslog severities of RFC 5424 §6.2.1. */
    static final List<String> LOG_LEVELS =
            List.of(
                    "debug",
                    "info",
                    "notice",
                    "warning",
                    "error",
                    "critical",
                    "alert",
                    "emergency");

    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final String version;

    public McpDispatcher(List<Tool> offered, String version) {
        offered.forEach(t -> tools.put(t.name(), t));
        this.version = version;
    }

    public Optional<Tool> tool(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** The revision to answer an initialize with: the client's if supported, else the latest. */
    public static McpRevision negotiate(JsonNode params) {
        String asked = params == null ? null : params.path("protocolVersion").asText(null);
        return McpRevision.of(asked).orElse(McpRevision.latest());
    }

    public ObjectNode initializeResult(McpRevision revision) {
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("protocolVersion", revision.id());
        ObjectNode capabilities = result.putObject("capabilities");
        capabilities.putObject("tools").put("listChanged", false);
        capabilities.putObject("logging");
        result.putObject("serverInfo")
                .put("name", SERVER_NAME)
                .put("version", version)
                .put("title", "mcpauth reference server");
        result.put(
                "instructions",
                "An MCP server behind OAuth 2.1 for testing clients: call "
                        + "whoami to see what the server knows of your token.");
        return result;
    }

    /** The response to a request other than initialize. */
    public ObjectNode dispatch(JsonRpc.Message message, Caller caller) {
        return switch (message.method()) {
            case "ping" -> JsonRpc.result(message.id(), Json.mapper().createObjectNode());
            case "tools/list" -> JsonRpc.result(message.id(), listTools());
            case "tools/call" -> callTool(message, caller);
            case "logging/setLevel" -> setLogLevel(message);
            case "initialize" ->
                    JsonRpc.error(
                            message.id(),
                            JsonRpc.INVALID_REQUEST,
                            "this session is already initialized; start a new one without"
                                    + " Mcp-Session-Id");
            default ->
                    JsonRpc.error(
                            message.id(),
                            JsonRpc.METHOD_NOT_FOUND,
                            "method not found: " + message.method());
        };
    }

    private ObjectNode listTools() {
        ObjectNode result = Json.mapper().createObjectNode();
        ArrayNode list = result.putArray("tools");
        tools.values()
                .forEach(
                        t ->
                                list.addObject()
                                        .put("name", t.name())
                                        .put("description", t.description())
                                        .set("inputSchema", t.inputSchema()));
        return result;
    }

    private ObjectNode callTool(JsonRpc.Message message, Caller caller) {
        JsonNode params = message.params();
        String name = params == null ? null : params.path("name").asText(null);
        if (name == null) {
            return JsonRpc.error(
                    message.id(), JsonRpc.INVALID_PARAMS, "tools/call needs params.name");
        }
        Tool tool = tools.get(name);
        if (tool == null) {
            return JsonRpc.error(
                    message.id(),
                    JsonRpc.INVALID_PARAMS,
                    "unknown tool: " + name + "; tools/list shows " + tools.keySet());
        }
        return JsonRpc.result(message.id(), tool.call(params.get("arguments"), caller));
    }

    /**
     * Accepts the client's minimum log level (<a
     * href="https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/logging">MCP
     * 2025-11-25, Logging</a>). This server sends no log notifications, so any valid level leaves
     * nothing to filter; an unknown one is -32602.
     */
    private ObjectNode setLogLevel(JsonRpc.Message message) {
        JsonNode params = message.params();
        String level = params == null ? null : params.path("level").asText(null);
        if (level == null || !LOG_LEVELS.contains(level)) {
            return JsonRpc.error(
                    message.id(),
                    JsonRpc.INVALID_PARAMS,
                    "logging/setLevel needs params.level, one of " + LOG_LEVELS);
        }
        return JsonRpc.result(message.id(), Json.mapper().createObjectNode());
    }
}
