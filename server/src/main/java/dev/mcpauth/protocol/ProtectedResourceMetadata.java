package dev.mcpauth.protocol;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * OAuth 2.0 Protected Resource Metadata, RFC 9728 section 2, as an MCP server publishes it (<a
 * href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization">MCP
 * 2025-11-25, Authorization</a>).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProtectedResourceMetadata(
        String resource,
        List<String> authorizationServers,
        List<String> scopesSupported,
        List<String> bearerMethodsSupported,
        String resourceName) {}
