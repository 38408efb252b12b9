package dev.mcpauth.report;

import java.util.List;

/**
 * What the logs say about where it happened: the clients and their versions, the MCP server URLs,
 * the server instances in order (each restart adds one) and the store the server used.
 */
public record Environment(
        List<String> clients,
        List<String> serverUrls,
        List<String> instances,
        List<String> stores,
        String mcpauthVersion) {

    /** The version of the first client of the given name, or null. */
    public String clientVersion(String name) {
        for (String c : clients) {
            if (c.startsWith(name + " ") || c.startsWith(name + "/")) {
                return c.substring(name.length() + 1).strip();
            }
        }
        return null;
    }
}
