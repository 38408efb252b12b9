package dev.mcpauth.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test client that logs what it does twice: as VS Code's MCP output channel at trace level
 * (Authorization shown as ***, response headers lower-case) and as a JSON trace, one exchange per
 * line with the secrets still in it, as a client-sim trace holds them.
 */
final class RecordingClient {

    static final String USER_AGENT = "Visual Studio Code/1.105.1";
    private static final DateTimeFormatter VSCODE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private final HttpClient http =
            HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    final List<String> vscode = new ArrayList<>();
    final List<String> trace = new ArrayList<>();

    HttpResponse<String> send(String method, String url, String body, String... headers) {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("User-Agent", USER_AGENT);
        for (int i = 0; i < headers.length; i += 2) {
            sent.put(headers[i], headers[i + 1]);
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        sent.forEach(request::header);
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        Instant start = Instant.now();
        logFetching(start, method, url, sent, body);
        HttpResponse<String> res;
        try {
            res = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        logFetched(url, res);
        traceExchange(start, method, url, sent, body, res);
        return res;
    }

    void log(String level, String message) {
        vscode.add(time(Instant.now()) + " [" + level + "] " + message);
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("phase", "reconnect");
        line.put("level", level.toUpperCase());
        line.put("message", message);
        trace.add(line.toString());
    }

    private void logFetching(
            Instant at, String method, String url, Map<String, String> sent, String body) {
        ObjectNode options = Json.mapper().createObjectNode();
        options.put("method", method);
        ObjectNode h = options.putObject("headers");
        sent.forEach((k, v) -> h.put(k, k.equalsIgnoreCase("Authorization") ? "***" : v));
        if (body != null) {
            options.put("body", body);
        }
        vscode.add(time(at) + " [trace] Fetching " + url + " with options: " + options);
    }

    private void logFetched(String url, HttpResponse<String> res) {
        ObjectNode fetched = Json.mapper().createObjectNode();
        fetched.put("status", res.statusCode());
        ObjectNode h = fetched.putObject("headers");
        res.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(", ", v)));
        vscode.add(time(Instant.now()) + " [trace] Fetched " + url + ": " + fetched);
    }

    private void traceExchange(
            Instant start,
            String method,
            String url,
            Map<String, String> sent,
            String body,
            HttpResponse<String> res) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("time", start.toString());
        line.put("phase", "connect");
        line.put("level", "TRACE");
        ObjectNode x = line.putObject("exchange");
        x.put("start", start.toString());
        x.put("method", method);
        x.put("url", url);
        ObjectNode rh = x.putObject("requestHeaders");
        sent.forEach((k, v) -> rh.putArray(k).add(v));
        if (body != null) {
            x.put("requestBody", body);
        }
        x.put("status", res.statusCode());
        ObjectNode sh = x.putObject("responseHeaders");
        res.headers().map().forEach((k, v) -> v.forEach(sh.withArray(k)::add));
        x.put("responseBody", res.body());
        trace.add(line.toString());
    }

    private static String time(Instant at) {
        return VSCODE_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
