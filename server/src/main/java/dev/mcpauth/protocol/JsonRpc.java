package dev.mcpauth.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC 2.0 messages as MCP carries them (<a
 * href="https://www.jsonrpc.org/specification">JSON-RPC 2.0</a>, section 5.1 for the error codes;
 * MCP 2025-06-18 removed batching).
 */
public final class JsonRpc {

    public static final String VERSION = "2.0";
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;

    private JsonRpc() {}

    /** A parsed incoming message: a request has an id, a notification has none. */
    public record Message(JsonNode id, String method, JsonNode params) {

        public boolean isNotification() {
            return id == null;
        }
    }

    public static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode out = envelope(id);
        out.set("result", result);
        return out;
    }

    public static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode out = envelope(id);
        ObjectNode error = out.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return out;
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("jsonrpc", VERSION);
        out.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        return out;
    }
}
