package dev.mcpauth.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.server.oauth.Scopes;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fixture tools that the official conformance suite's server scenarios call by name, offered
 * only with {@code --conformance-fixtures}. Each takes no arguments and returns the content its
 * scenario of {@code @modelcontextprotocol/conformance} 0.1.16 checks, built from the content types
 * of <a
 * href="https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool-result">MCP
 * 2025-11-25, Tools, Tool Result</a>.
 */
final class ConformanceTools {

    /** A 1x1 red pixel, 8-bit RGB. */
    static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4"
                    + "nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

    /** One millisecond of silence: PCM WAV, 8 kHz, mono, 8-bit, eight samples. */
    static final String WAV_BASE64 =
            "UklGRiwAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQgAAACAgICAgICAgA==";

    private static final String EMBEDDED_TEXT = "This is an embedded resource content.";
    private static final String MIXED_JSON = "{\"test\":\"data\",\"value\":123}";

    private ConformanceTools() {}

    static List<Tool> fixtures() {
        return List.of(
                Fixture.of("test_simple_text", "Returns a text item.", ConformanceTools::simple),
                Fixture.of("test_image_content", "Returns a 1x1 PNG.", ConformanceTools::image),
                Fixture.of("test_audio_content", "Returns a short WAV.", ConformanceTools::audio),
                Fixture.of(
                        "test_embedded_resource",
                        "Returns a text resource.",
                        ConformanceTools::embedded),
                Fixture.of(
                        "test_multiple_content_types",
                        "Returns text, an image and a resource.",
                        ConformanceTools::mixed),
                new Fixture(
                        "test_error_handling",
                        "Always reports a tool error.",
                        true,
                        ConformanceTools::failure));
    }

    private static void simple(ArrayNode content) {
        text(content, "This is a simple text response for testing.");
    }

    private static void failure(ArrayNode content) {
        text(content, "This tool intentionally returns an error for testing");
    }

    private static void embedded(ArrayNode content) {
        resource(content, "test://embedded-resource", "text/plain", EMBEDDED_TEXT);
    }

    private static void mixed(ArrayNode content) {
        text(content, "Multiple content types test:");
        image(content);
        resource(content, "test://mixed-content-resource", "application/json", MIXED_JSON);
    }

    private static void text(ArrayNode content, String text) {
        content.addObject().put("type", "text").put("text", text);
    }

    private static void image(ArrayNode content) {
        media(content, "image", PNG_BASE64, "image/png");
    }

    private static void audio(ArrayNode content) {
        media(content, "audio", WAV_BASE64, "audio/wav");
    }

    private static void media(ArrayNode content, String type, String base64, String mimeType) {
        content.addObject().put("type", type).put("data", base64).put("mimeType", mimeType);
    }

    private static void resource(ArrayNode content, String uri, String mimeType, String text) {
        content.addObject()
                .put("type", "resource")
                .putObject("resource")
                .put("uri", uri)
                .put("mimeType", mimeType)
                .put("text", text);
    }

    /**
     * A tool without arguments whose result is fixed content; with {@code isError} it reports a
     * tool execution error in the result rather than as a JSON-RPC error.
     */
    private record Fixture(
            String name, String description, boolean isError, Consumer<ArrayNode> content)
            implements Tool {

        static Fixture of(String name, String description, Consumer<ArrayNode> content) {
            return new Fixture(name, description, false, content);
        }

        @Override
        public ObjectNode inputSchema() {
            return ToolResults.objectSchema();
        }

        @Override
        public List<String> requiredScopes() {
            return List.of(Scopes.BASE);
        }

        @Override
        public ObjectNode call(JsonNode arguments, Caller caller) {
            ObjectNode result = Json.mapper().createObjectNode();
            content.accept(result.putArray("content"));
            if (isError) {
                result.put("isError", true);
            }
            return result;
        }
    }
}
