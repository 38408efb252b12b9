package dev.mcpauth.check.token;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.check.Exchange;
import dev.mcpauth.check.Fetcher;
import dev.mcpauth.check.McpRequests;
import dev.mcpauth.check.MetadataLookup;
import dev.mcpauth.check.UnreachableException;
import dev.mcpauth.check.token.TokenReport.ServerAnswer;
import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.McpRevision;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Presents a token to an MCP server the way a client does (an {@code initialize} with the bearer
 * token) and reads what the answer says: accepted or not, and which server instance is running. An
 * mcpauth server tells the running instance through its {@code whoami} tool, and in the 401's
 * {@code error_description} when it runs with the invalid-token-detail workaround.
 */
public final class ServerTokenProbe {

    private static final Pattern RUNNING_INSTANCE =
            Pattern.compile("(?:this is instance|server instance) ([A-Za-z0-9_-]+)");

    private final Fetcher fetcher;

    public ServerTokenProbe(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    public ServerAnswer present(URI mcpUrl, String token, boolean wantAuthorizationServer) {
        Exchange init =
                fetcher.send(
                        "POST", mcpUrl, McpRequests.postHeaders(token), McpRequests.initialize());
        if (!init.answered()) {
            throw new UnreachableException(mcpUrl + ": " + init.error(), null);
        }
        String header = init.header("WWW-Authenticate").orElse(null);
        Optional<BearerChallenge> challenge =
                Optional.ofNullable(header).flatMap(BearerChallenge::parse);
        String current = null;
        Boolean fromCurrent = null;
        if (init.ok()) {
            JsonNode whoami = whoami(mcpUrl, token, init);
            if (whoami != null && whoami.hasNonNull("server_instance")) {
                current = whoami.get("server_instance").asText();
                fromCurrent =
                        whoami.has("issued_by_this_instance")
                                ? whoami.get("issued_by_this_instance").asBoolean()
                                : null;
            }
        } else {
            current =
                    challenge
                            .map(BearerChallenge::errorDescription)
                            .map(ServerTokenProbe::runningInstance)
                            .orElse(null);
        }
        MetadataLookup lookup = new MetadataLookup(fetcher);
        String metadataUrl = challenge.map(BearerChallenge::resourceMetadata).orElse(null);
        Optional<JsonNode> prm = lookup.resourceMetadata(mcpUrl, metadataUrl);
        String resource = prm.map(d -> MetadataLookup.text(d, "resource")).orElse(null);
        String introspection = null;
        if (wantAuthorizationServer) {
            introspection =
                    prm.map(d -> d.path("authorization_servers").path(0).asText(null))
                            .flatMap(as -> lookup.authorizationServerMetadata(URI.create(as)))
                            .map(d -> MetadataLookup.text(d, "introspection_endpoint"))
                            .orElse(null);
        }
        return new ServerAnswer(
                mcpUrl.toString(),
                init.status(),
                init.ok(),
                init.status() == 401 || init.status() == 403,
                challenge.map(BearerChallenge::error).orElse(null),
                challenge.map(BearerChallenge::errorDescription).orElse(null),
                header,
                current,
                fromCurrent,
                resource,
                introspection);
    }

    private JsonNode whoami(URI mcpUrl, String token, Exchange init) {
        Map<String, String> headers = McpRequests.postHeaders(token);
        headers.put("Accept", "application/json");
        headers.put(McpRevision.HEADER, McpRevision.latest().id());
        init.header("Mcp-Session-Id").ifPresent(id -> headers.put("Mcp-Session-Id", id));
        Exchange call = fetcher.send("POST", mcpUrl, headers, McpRequests.callTool("whoami"));
        if (!call.ok()) {
            return null;
        }
        try {
            JsonNode body = Json.mapper().readTree(call.body());
            JsonNode content = body.path("result").path("structuredContent");
            return content.isObject() ? content : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String runningInstance(String description) {
        Matcher m = RUNNING_INSTANCE.matcher(description);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }
}
