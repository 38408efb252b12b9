package dev.mcpauth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.store.AuthStore;
import dev.mcpauth.store.StoreKind;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MCP endpoint over Streamable HTTP, with a valid token unless a test says otherwise. */
class McpEndpointTest {

    @TempDir Path dataDir;
    TestServer server;
    String token;
    String session;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, b -> b.store(StoreKind.SQLITE).maxBodyBytes(4096));
        token = server.login().get("access_token").asText();
        session = server.initialize(token);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> call(String json) {
        return server.mcp(token, session, json);
    }

    private int rpcError(HttpResponse<String> res) {
        return TestServer.json(res).get("error").get("code").asInt();
    }

    @Nested
    class Lifecycle {

        @Test
        void negotiatesTheClientsRevisionWhenSupported() {
            HttpResponse<String> res =
                    server.mcp(
                            token, null, TestServer.INITIALIZE.replace("2025-11-25", "2025-06-18"));

            assertEquals("2025-06-18", TestServer.json(res).at("/result/protocolVersion").asText());
            assertTrue(res.headers().firstValue("Mcp-Session-Id").orElse("").matches("[!-~]+"));
        }

        @Test
        void offersItsLatestRevisionForAnUnknownOne() {
            HttpResponse<String> res =
                    server.mcp(
                            token, null, TestServer.INITIALIZE.replace("2025-11-25", "2024-01-01"));

            assertEquals("2025-11-25", TestServer.json(res).at("/result/protocolVersion").asText());
        }

        @Test
        void acceptsNotificationsWith202() {
            HttpResponse<String> res =
                    call("{\"jsonrpc\":\"2.0\"," + "\"method\":\"notifications/initialized\"}");

            assertEquals(202, res.statusCode());
            assertEquals("", res.body());
        }

        @Test
        void answersPingAndListsTheTools() {
            assertEquals(
                    "{}",
                    TestServer.json(call("{\"jsonrpc\":\"2.0\",\"id\":2," + "\"method\":\"ping\"}"))
                            .get("result")
                            .toString());
            JsonNode tools =
                    TestServer.json(
                                    call(
                                            "{\"jsonrpc\":\"2.0\",\"id\":3,"
                                                    + "\"method\":\"tools/list\"}"))
                            .at("/result/tools");
            assertEquals("whoami", tools.get(0).get("name").asText());
            assertTrue(tools.toString().contains("audit_log"));
        }

        @Test
        void whoamiDescribesTheTokenWithoutShowingIt() {
            JsonNode result =
                    TestServer.json(call(TestServer.toolCall("whoami")))
                            .at("/result/structuredContent");

            assertEquals(
                    server.server().instance().id(), result.get("issued_by_instance").asLong());
            assertEquals(server.resource(), result.get("aud").asText());
            assertTrue(result.get("token_fingerprint").asText().startsWith("fp:"));
            assertTrue(!result.toString().contains(token.substring(token.indexOf('.') + 1)));
        }

        @Test
        void endsASessionWithDelete() {
            HttpResponse<String> deleted =
                    server.delete(
                            "/mcp", "Authorization", "Bearer " + token, "Mcp-Session-Id", session);

            assertEquals(200, deleted.statusCode());
            assertEquals(404, call(TestServer.toolCall("echo")).statusCode());
        }

        @Test
        void repliesWithAnEventStreamWhenTheClientPrefersIt() {
            HttpResponse<String> res =
                    server.postJson(
                            "/mcp",
                            TestServer.toolCall("echo"),
                            "Authorization",
                            "Bearer " + token,
                            "Mcp-Session-Id",
                            session,
                            "Accept",
                            "text/event-stream");

            assertEquals("text/event-stream", res.headers().firstValue("Content-Type").orElse(""));
            assertTrue(res.body().startsWith("event: message\ndata: {"));
        }

        @Test
        void answersGetWith405() {
            HttpResponse<String> res =
                    server.get(
                            "/mcp",
                            "Authorization",
                            "Bearer " + token,
                            "Mcp-Session-Id",
                            session,
                            "Accept",
                            "text/event-stream");

            assertEquals(405, res.statusCode());
        }
    }

    @Nested
    class BadInput {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "malformed JSON        | {\"jsonrpc\":                                   | 400"
                            + " | -32700",
                    "no method             | {\"jsonrpc\":\"2.0\",\"id\":5}                  | 400"
                            + " | -32600",
                    "no id on a request    | {\"jsonrpc\":\"2.0\",\"method\":\"tools/list\"} | 400"
                            + " | -32600",
                    "null id               | {\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}"
                            + " | 400 | -32600",
                    "batch array           | [{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}] |"
                            + " 400 | -32600",
                    "wrong jsonrpc version | {\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"} |"
                            + " 400 | -32600",
                    "unknown method        | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"} |"
                            + " 200 | -32601",
                    "unknown tool          |"
                            + " {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                            + "\"params\":{\"name\":\"nope\"}}"
                            + " | 200 | -32602"
                })
        void answersWithTheRightStatusAndJsonRpcError(
                String name, String body, int status, int code) {
            AuthStore.Counts before = counts();

            HttpResponse<String> res = call(body.strip());

            assertEquals(status, res.statusCode(), res.body());
            assertEquals(code, rpcError(res));
            assertEquals(before, counts());
        }

        @Test
        void refusesABodyOverTheLimitWith413() {
            HttpResponse<String> res =
                    call(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\","
                                    + "\"params\":{\"pad\":\""
                                    + "x".repeat(5000)
                                    + "\"}}");

            assertEquals(413, res.statusCode());
        }

        @Test
        void requiresTheSessionHeaderAfterInitialize() {
            assertEquals(400, server.mcp(token, null, TestServer.toolCall("echo")).statusCode());
        }

        @Test
        void answersAnUnknownSessionWith404() {
            assertEquals(
                    404,
                    server.mcp(token, "no-such-session", TestServer.toolCall("echo")).statusCode());
        }

        @Test
        void refusesAnUnsupportedProtocolVersion() {
            HttpResponse<String> res =
                    server.postJson(
                            "/mcp",
                            TestServer.toolCall("echo"),
                            "Authorization",
                            "Bearer " + token,
                            "Mcp-Session-Id",
                            session,
                            "MCP-Protocol-Version",
                            "1999-01-01");

            assertEquals(400, res.statusCode());
        }

        @Test
        void refusesAnotherSitesOriginWith403() {
            HttpResponse<String> res =
                    server.postJson(
                            "/mcp",
                            TestServer.INITIALIZE,
                            "Authorization",
                            "Bearer " + token,
                            "Origin",
                            "https://evil.example.com");

            assertEquals(403, res.statusCode());
            assertEquals(before(), counts());
        }

        @Test
        void refusesAForeignHostWith403() {
            HttpResponse<String> res =
                    server.send(
                            server.request(
                                            "/mcp",
                                            "Host",
                                            "evil.example.com",
                                            "Authorization",
                                            "Bearer " + token,
                                            "Content-Type",
                                            "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    TestServer.INITIALIZE)));

            assertEquals(403, res.statusCode());
        }

        private AuthStore.Counts before() {
            return counts();
        }
    }

    private AuthStore.Counts counts() {
        return server.server().store().counts(Instant.now());
    }
}
