package dev.mcpauth.cli;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a remote server of a field case: answers fixed replies per method and path on
 * 127.0.0.1, port 0. {@code {origin}} in a header or body becomes this server's origin, so a case's
 * documents can name the server they are served from.
 */
final class CaseServer implements AutoCloseable {

    /** One canned answer. */
    record Reply(int status, List<String[]> headers, String body, Duration delay) {

        static Reply json(String body) {
            return new Reply(200, headers("Content-Type", "application/json"), body, null);
        }

        static Reply status(int status, String... nameValues) {
            return new Reply(status, headers(nameValues), "", null);
        }

        Reply withBody(String value) {
            return new Reply(status, headers, value, delay);
        }

        Reply after(Duration value) {
            return new Reply(status, headers, body, value);
        }

        private static List<String[]> headers(String... nameValues) {
            List<String[]> out = new ArrayList<>();
            for (int i = 0; i + 1 < nameValues.length; i += 2) {
                out.add(new String[] {nameValues[i], nameValues[i + 1]});
            }
            return out;
        }
    }

    private final Map<String, Reply> replies = new LinkedHashMap<>();
    private final WebServer web;

    CaseServer() {
        web =
                WebServer.builder()
                        .host("127.0.0.1")
                        .port(0)
                        .shutdownHook(false)
                        .routing(r -> r.any(this::answer))
                        .build()
                        .start();
    }

    CaseServer on(String method, String path, Reply reply) {
        replies.put(method + " " + path, reply);
        return this;
    }

    String origin() {
        return "http://127.0.0.1:" + web.port();
    }

    String url(String path) {
        return origin() + path;
    }

    private void answer(ServerRequest req, ServerResponse res) {
        drain(req);
        Reply reply = replies.get(req.prologue().method().text() + " " + req.path().path());
        if (reply == null) {
            res.status(Status.NOT_FOUND_404);
            res.header(HeaderNames.CONTENT_TYPE, "text/html");
            res.send("<html><body><h1>404 Not Found</h1></body></html>");
            return;
        }
        if (reply.delay() != null) {
            try {
                Thread.sleep(reply.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        res.status(Status.create(reply.status()));
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (String[] h : reply.headers()) {
            grouped.computeIfAbsent(h[0], k -> new ArrayList<>()).add(fill(h[1]));
        }
        grouped.forEach(
                (name, values) ->
                        res.header(HeaderNames.create(name), values.toArray(String[]::new)));
        res.send(fill(reply.body()).getBytes(StandardCharsets.UTF_8));
    }

    private static void drain(ServerRequest req) {
        try (InputStream in = req.content().inputStream()) {
            in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fill(String text) {
        return text.replace("{origin}", origin());
    }

    @Override
    public void close() {
        web.stop();
    }
}
