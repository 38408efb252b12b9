package dev.mcpauth.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP client of the checkers: never follows redirects (a checker reports them), bounds every
 * request in time, and reads at most {@link #MAX_BODY} bytes of a body so a huge or endless
 * document cannot exhaust memory.
 */
public final class Fetcher implements AutoCloseable {

    /** Metadata documents are a few kilobytes; anything past this is not one. */
    public static final int MAX_BODY = 256 * 1024;

    private final HttpClient http;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "mcpauth-fetch-watchdog");
                        t.setDaemon(true);
                        return t;
                    });

    public Fetcher(Duration timeout) {
        this.timeout = timeout;
        this.http =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(timeout)
                        .build();
    }

    public Exchange get(URI url, Map<String, String> headers) {
        return send("GET", url, headers, null);
    }

    public Exchange send(String method, URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout);
        headers.forEach(request::header);
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] read = readCapped(response.body());
            long millis = elapsed(start);
            boolean truncated = read.length > MAX_BODY;
            String text =
                    new String(read, 0, Math.min(read.length, MAX_BODY), StandardCharsets.UTF_8);
            Map<String, List<String>> responseHeaders = response.headers().map();
            List<String> types =
                    response.headers().allValues("content-type").stream()
                            .filter(v -> !v.isBlank())
                            .toList();
            String type = types.isEmpty() ? null : String.join(", ", types);
            return new Exchange(
                    method,
                    url.toString(),
                    response.statusCode(),
                    type,
                    millis,
                    null,
                    responseHeaders,
                    text,
                    truncated);
        } catch (IOException e) {
            return failed(method, url, start, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(method, url, start, "interrupted");
        } catch (IllegalArgumentException e) {
            return failed(method, url, start, "not a usable URL: " + e.getMessage());
        }
    }

    /** Reads up to one byte past the cap; a body that stalls is cut off at the timeout. */
    private byte[] readCapped(InputStream in) throws IOException {
        var closer =
                watchdog.schedule(
                        () -> {
                            try {
                                in.close();
                            } catch (IOException ignored) {
                                // closing is how a stalled read is ended; nothing to report
                            }
                        },
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
        try (in) {
            return in.readNBytes(MAX_BODY + 1);
        } finally {
            closer.cancel(false);
        }
    }

    private static Exchange failed(String method, URI url, long start, String error) {
        return new Exchange(
                method, url.toString(), 0, null, elapsed(start), error, Map.of(), "", false);
    }

    private String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + timeout.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.close();
    }
}
