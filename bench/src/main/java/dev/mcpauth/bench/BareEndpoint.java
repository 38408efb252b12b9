package dev.mcpauth.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The throughput ceiling for {@code tools/call}: Helidon SE on loopback doing only what any
 * authenticated MCP endpoint must do, parsing the JSON-RPC body with Jackson and finding the bearer
 * token in a map, then answering a small JSON-RPC result. No sessions, no store.
 *
 * <p>Usage: {@code BareEndpoint PORT TOKEN}; port 0 picks a free one. The ready line goes to
 * stderr: {@code bare endpoint ready at http://localhost:PORT/mcp in N ms}.
 */
public final class BareEndpoint {

    /**
     * With the buffer pool mcpauth uses: Jackson's default pool is one per thread, and Helidon runs
     * every request on a new virtual thread, so the default allocates fresh buffers per request and
     * would make this ceiling lower than the framework allows.
     */
    private static final ObjectMapper MAPPER =
            new ObjectMapper(
                    JsonFactory.builder()
                            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                            .build());

    private final Map<String, String> clientsByToken;

    private BareEndpoint(Map<String, String> clientsByToken) {
        this.clientsByToken = clientsByToken;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: BareEndpoint PORT TOKEN");
            System.exit(2);
        }
        Map<String, String> tokens = new HashMap<>();
        tokens.put(args[1], "bench-client");
        BareEndpoint endpoint = new BareEndpoint(tokens);

        WebServer server =
                WebServer.builder()
                        .host("127.0.0.1")
                        .port(Integer.parseInt(args[0]))
                        .routing(r -> r.post("/mcp", endpoint::post))
                        .build()
                        .start();

        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.err.println(
                "bare endpoint ready at http://localhost:"
                        + server.port()
                        + "/mcp in "
                        + uptime
                        + " ms");
    }

    private void post(ServerRequest req, ServerResponse res) throws IOException {
        JsonNode message;
        try (InputStream in = req.content().inputStream()) {
            message = MAPPER.readTree(in);
        }
        String client = bearer(req).map(clientsByToken::get).orElse(null);
        if (client == null) {
            res.status(Status.UNAUTHORIZED_401)
                    .header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .send();
            return;
        }

        ObjectNode reply = MAPPER.createObjectNode().put("jsonrpc", "2.0");
        reply.set("id", message.get("id"));
        reply.putObject("result")
                .putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", message.path("params").path("arguments").path("text").asText(client));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(MAPPER.writeValueAsBytes(reply));
    }

    private static Optional<String> bearer(ServerRequest req) {
        return req.headers()
                .first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
    }
}
