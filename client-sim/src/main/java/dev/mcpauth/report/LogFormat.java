package dev.mcpauth.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The kinds of input the report reads, told apart by their first lines. */
public enum LogFormat {
    VSCODE("VS Code MCP output channel", VsCodeLog::recognizes),
    MCPAUTH_SERVER("mcpauth server log", ServerLog::recognizes),
    CLIENT_SIM_JSON("client-sim JSON trace", ClientSimTrace::recognizes),
    CLIENT_SIM_TEXT("client-sim text trace", ClientSimPlain::recognizes),
    EXCHANGES("HTTP exchange transcript", ExchangeTranscript::recognizes),
    CAPTURED_DOCUMENTS("captured requests and metadata (JSON)", line -> false),
    DISCOVER_SNAPSHOT("discover --save snapshot", line -> false);

    private final String description;
    private final Predicate<String> line;

    LogFormat(String description, Predicate<String> line) {
        this.description = description;
        this.line = line;
    }

    public String description() {
        return description;
    }

    /**
     * The format most of the sample's lines have, or empty when no line is one the report knows. A
     * sample that is one JSON object is a capture of documents.
     */
    static Optional<LogFormat> detect(String sample, boolean complete) {
        String trimmed = sample.strip();
        if (trimmed.startsWith("{") && complete) {
            Optional<LogFormat> document = document(trimmed);
            if (document.isPresent()) {
                return document;
            }
        }
        List<String> lines = trimmed.lines().limit(500).toList();
        LogFormat best = null;
        long bestCount = 0;
        for (LogFormat f : values()) {
            long count = lines.stream().filter(f.line).count();
            if (count > bestCount) {
                best = f;
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<LogFormat> document(String text) {
        try {
            JsonNode root = Json.mapper().readTree(text);
            if (root == null || !CapturedDocuments.recognizes(root)) {
                return Optional.empty();
            }
            return Optional.of(
                    CapturedDocuments.isSnapshot(root) ? DISCOVER_SNAPSHOT : CAPTURED_DOCUMENTS);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    LineParser parser(String source) {
        return switch (this) {
            case VSCODE -> new VsCodeLog(source);
            case MCPAUTH_SERVER -> new ServerLog(source);
            case CLIENT_SIM_JSON -> new ClientSimTrace(source);
            case CLIENT_SIM_TEXT -> new ClientSimPlain(source);
            case EXCHANGES -> new ExchangeTranscript(source);
            case CAPTURED_DOCUMENTS, DISCOVER_SNAPSHOT ->
                    throw new IllegalStateException("not a line format");
        };
    }
}
