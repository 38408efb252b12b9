package dev.mcpauth.protocol;

import java.util.List;
import java.util.Optional;

/**
 * The MCP protocol revisions this toolkit speaks, newest first (<a
 * href="https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">lifecycle</a>,
 * version negotiation).
 */
public enum McpRevision {
    V2025_11_25("2025-11-25"),
    V2025_06_18("2025-06-18");

    /** The header that carries the negotiated revision on every request after initialize. */
    public static final String HEADER = "MCP-Protocol-Version";

    private final String id;

    McpRevision(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static McpRevision latest() {
        return V2025_11_25;
    }

    public static Optional<McpRevision> of(String id) {
        for (McpRevision revision : values()) {
            if (revision.id.equals(id)) {
                return Optional.of(revision);
            }
        }
        return Optional.empty();
    }

    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(McpRevision::id).toList();
    }
}
