package dev.mcpauth.check;

import dev.mcpauth.protocol.McpRevision;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON-RPC requests and headers a checker sends to an MCP endpoint, as a client would. */
public final class McpRequests {

    private McpRequests() {}

    public static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\""
                + McpRevision.latest().id()
                + "\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"mcpauth-check\",\"version\":\"1\"}}}";
    }

    public static String callTool(String name) {
        return "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{"
                + "\"name\":\""
                + name
                + "\",\"arguments\":{}}}";
    }

    /** Headers of a POST to the MCP endpoint; a null token sends none. */
    public static Map<String, String> postHeaders(String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return headers;
    }
}
