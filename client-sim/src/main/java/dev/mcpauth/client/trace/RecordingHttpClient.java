package dev.mcpauth.client.trace;

import dev.mcpauth.client.ClientSimException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The simulated clients' HTTP: never follows redirects by itself (the caller decides, as browsers
 * and fetch implementations differ), bounds every exchange by a deadline that covers the body too,
 * and records each exchange in the trace.
 */
public final class RecordingHttpClient {

    /** A response as the engine reads it. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public List<String> headers(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean isRedirect() {
            return status >= 300 && status < 400 && header("Location") != null;
        }
    }

    private final HttpClient http;
    private final Trace trace;
    private final Duration timeout;
    private final Map<String, String> defaultHeaders;
    private final String actor;

    /**
     * @param actor who sends through this client, {@link HttpExchange#CLIENT} for instance
     */
    public RecordingHttpClient(
            Trace trace, Duration timeout, Map<String, String> defaultHeaders, String actor) {
        this.trace = trace;
        this.actor = actor;
        this.timeout = timeout;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.http =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(timeout)
                        .build();
    }

    public Response get(URI url, Map<String, String> headers) {
        return send("GET", url, headers, null);
    }

    public Response send(String method, URI url, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        defaultHeaders.forEach(
                (name, value) -> {
                    if (all.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                        all.put(name, value);
                    }
                });
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url)
                        .timeout(timeout)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        all.forEach(request::header);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        Map<String, List<String>> sent = new LinkedHashMap<>();
        all.forEach((k, v) -> sent.put(k, List.of(v)));
        try {
            HttpResponse<String> res = await(url, http.sendAsync(request.build(), bodyHandler()));
            Map<String, List<String>> headersIn = new LinkedHashMap<>(res.headers().map());
            trace.record(
                    new HttpExchange(
                            start,
                            method,
                            url.toString(),
                            sent,
                            body,
                            res.statusCode(),
                            headersIn,
                            res.body(),
                            millisSince(t0),
                            null,
                            actor));
            return new Response(res.statusCode(), headersIn, res.body());
        } catch (ClientSimException e) {
            trace.record(
                    new HttpExchange(
                            start,
                            method,
                            url.toString(),
                            sent,
                            body,
                            0,
                            Map.of(),
                            null,
                            millisSince(t0),
                            e.getMessage(),
                            actor));
            throw e;
        }
    }

    private HttpResponse<String> await(URI url, CompletableFuture<HttpResponse<String>> future) {
        String target = address(url);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw hanging(target);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ClientSimException(ClientSimException.Kind.UNREACHABLE, "interrupted", e);
        } catch (ExecutionException e) {
            // The request's own timeout and the wait above race; both mean the same thing.
            if (e.getCause() instanceof HttpTimeoutException
                    && !(e.getCause() instanceof HttpConnectTimeoutException)) {
                throw hanging(target);
            }
            throw unreachable(url, e.getCause());
        }
    }

    private ClientSimException hanging(String target) {
        String limit =
                timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
        return new ClientSimException(
                ClientSimException.Kind.UNREACHABLE,
                target
                        + " did not answer within "
                        + limit
                        + "; is it hanging? Raise --timeout if it is just slow");
    }

    private static String address(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
    }

    private static ClientSimException unreachable(URI url, Throwable cause) {
        String why =
                cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                        ? "connection refused or timed out"
                        : cause instanceof IOException
                                ? String.valueOf(cause.getMessage())
                                : cause.toString();
        return new ClientSimException(
                ClientSimException.Kind.UNREACHABLE,
                "cannot reach " + address(url) + ": " + why + "; is the server running?",
                cause);
    }

    private static HttpResponse.BodyHandler<String> bodyHandler() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
