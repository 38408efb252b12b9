package dev.mcpauth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Complete OAuth logins per second against an authorization server that approves without a person:
 * each worker registers a public client (RFC 7591), authorizes with PKCE S256 (RFC 7636) and
 * redeems the code at the token endpoint, one step after another, in a loop. Endpoints come from
 * the server's RFC 8414 metadata. Workers speak HTTP/1.1 over kept-alive loopback connections
 * through {@link LoopbackHttp}, so the client takes little of the CPU.
 *
 * <p>Usage: {@code LoginLoad ISSUER RESOURCE [WORKERS] [SECONDS] [WARMUP_SECONDS]}. Prints one line
 * on stdout: {@code logins=N seconds=S logins_per_s=R p50_ms=A p99_ms=B errors=E reconnects=C}.
 */
public final class LoginLoad {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String REDIRECT_URI = "http://127.0.0.1:5555/";
    private static final String REGISTRATION =
            "{\"client_name\":\"bench\",\"redirect_uris\":[\""
                    + REDIRECT_URI
                    + "\"],\"token_endpoint_auth_method\":\"none\"}";

    private final String resource;
    private final URI registration;
    private final URI authorization;
    private final URI token;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    private LoginLoad(String resource, JsonNode metadata) {
        this.resource = resource;
        this.registration = URI.create(metadata.path("registration_endpoint").asText());
        this.authorization = URI.create(metadata.path("authorization_endpoint").asText());
        this.token = URI.create(metadata.path("token_endpoint").asText());
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LoginLoad ISSUER RESOURCE [WORKERS] [SECONDS] [WARMUP]");
            System.exit(2);
        }
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 3;

        LoginLoad load = new LoginLoad(args[1], metadata(URI.create(args[0])));
        long measureFrom = System.nanoTime() + (long) (warmup * 1e9);
        long stopAt = measureFrom + (long) (seconds * 1e9);
        long[] all = load.run(workers, measureFrom, stopAt);

        Arrays.sort(all);
        System.out.printf(
                Locale.ROOT,
                "logins=%d seconds=%.1f logins_per_s=%.1f p50_ms=%.2f "
                        + "p99_ms=%.2f errors=%d reconnects=%d%n",
                all.length,
                seconds,
                all.length / seconds,
                percentile(all, 0.50),
                percentile(all, 0.99),
                load.errors.get(),
                load.reconnects.get());
        if (load.firstError.get() != null) {
            System.err.println("first error: " + load.firstError.get());
        }
    }

    private static JsonNode metadata(URI issuer) throws IOException {
        try (LoopbackHttp http = new LoopbackHttp(issuer)) {
            LoopbackHttp.Response res = http.get("/.well-known/oauth-authorization-server");
            if (res.status() != 200) {
                throw new IOException("metadata of " + issuer + ": HTTP " + res.status());
            }
            return MAPPER.readTree(res.body());
        }
    }

    /** Runs the workers until {@code stopAt}; returns every login time measured, in ns. */
    private long[] run(int workers, long measureFrom, long stopAt) throws InterruptedException {
        long[][] results = new long[workers][];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int slot = i;
            threads.add(
                    Thread.ofPlatform()
                            .name("login-" + i)
                            .start(() -> results[slot] = new Worker().loop(measureFrom, stopAt)));
        }
        for (Thread t : threads) {
            t.join();
        }
        return Arrays.stream(results).flatMapToLong(Arrays::stream).toArray();
    }

    /** One login after another on this worker's own connections. */
    private final class Worker {

        private final Map<String, LoopbackHttp> connections = new HashMap<>();

        long[] loop(long measureFrom, long stopAt) {
            long[] times = new long[1024];
            int count = 0;
            try {
                while (true) {
                    long begin = System.nanoTime();
                    if (begin >= stopAt) {
                        break;
                    }
                    boolean ok = loginOnce();
                    long end = System.nanoTime();
                    if (ok && begin >= measureFrom && end <= stopAt) {
                        if (count == times.length) {
                            times = Arrays.copyOf(times, count * 2);
                        }
                        times[count++] = end - begin;
                    }
                }
            } finally {
                connections
                        .values()
                        .forEach(
                                c -> {
                                    reconnects.addAndGet(c.reconnects());
                                    c.close();
                                });
            }
            return Arrays.copyOf(times, count);
        }

        private boolean loginOnce() {
            try {
                String clientId = register();
                String verifier = B64URL.encodeToString(randomBytes(32));
                String code = authorize(clientId, challenge(verifier));
                redeem(clientId, code, verifier);
                return true;
            } catch (IOException | RuntimeException e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e.toString());
                connections.values().forEach(LoopbackHttp::close);
                return false;
            }
        }

        private String register() throws IOException {
            LoopbackHttp.Response res =
                    http(registration)
                            .post(registration.getRawPath(), "application/json", REGISTRATION);
            expect(res, 201, "register");
            return MAPPER.readTree(res.body()).path("client_id").asText();
        }

        private String authorize(String clientId, String challenge) throws IOException {
            String state = B64URL.encodeToString(randomBytes(8));
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", clientId);
            query.put("redirect_uri", REDIRECT_URI);
            query.put("code_challenge", challenge);
            query.put("code_challenge_method", "S256");
            query.put("state", state);
            query.put("resource", resource);
            LoopbackHttp.Response res =
                    http(authorization).get(authorization.getRawPath() + "?" + form(query));
            if (res.status() != 302 && res.status() != 303) {
                throw new IOException("authorize: HTTP " + res.status() + " " + res.body());
            }
            String location = res.headers().getOrDefault("location", "");
            String code = queryParameter(location, "code");
            if (code == null || !state.equals(queryParameter(location, "state"))) {
                throw new IOException("authorize: no code or wrong state in " + location);
            }
            return code;
        }

        private void redeem(String clientId, String code, String verifier) throws IOException {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("grant_type", "authorization_code");
            fields.put("code", code);
            fields.put("client_id", clientId);
            fields.put("code_verifier", verifier);
            fields.put("redirect_uri", REDIRECT_URI);
            fields.put("resource", resource);
            LoopbackHttp.Response res =
                    http(token)
                            .post(
                                    token.getRawPath(),
                                    "application/x-www-form-urlencoded",
                                    form(fields));
            expect(res, 200, "token");
            if (MAPPER.readTree(res.body()).path("access_token").asText().isEmpty()) {
                throw new IOException("token: no access_token in " + res.body());
            }
        }

        private LoopbackHttp http(URI endpoint) {
            String origin = endpoint.getHost() + ":" + endpoint.getPort();
            return connections.computeIfAbsent(origin, o -> new LoopbackHttp(endpoint));
        }
    }

    private static void expect(LoopbackHttp.Response res, int status, String step)
            throws IOException {
        if (res.status() != status) {
            throw new IOException(step + ": HTTP " + res.status() + " " + res.body());
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return B64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach(
                (k, v) ->
                        out.append(out.isEmpty() ? "" : "&")
                                .append(k)
                                .append('=')
                                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static String queryParameter(String uri, String name) {
        int q = uri.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : uri.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
