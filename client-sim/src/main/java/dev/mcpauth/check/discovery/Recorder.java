package dev.mcpauth.check.discovery;

import dev.mcpauth.check.Exchange;
import dev.mcpauth.check.Fetcher;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of the checks of one discovery run, in order. A URL is fetched once however many
 * checks look at it.
 */
final class Recorder {

    private final Fetcher fetcher;
    private final String origin;
    private final List<Probe> probes = new ArrayList<>();
    private final Map<String, Exchange> gets = new HashMap<>();

    Recorder(Fetcher fetcher, String origin) {
        this.fetcher = fetcher;
        this.origin = origin;
    }

    /** A metadata GET as a client sends it, cached by URL. */
    Exchange get(Step step, String purpose, URI url) {
        Exchange cached = gets.get(url.toString());
        if (cached != null) {
            return cached;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (origin != null) {
            headers.put("Origin", origin);
        }
        Exchange answer = fetcher.get(url, headers);
        gets.put(url.toString(), answer);
        probes.add(new Probe(step, purpose, answer));
        return answer;
    }

    /** A request as a browser client on the checked origin sends it. */
    Exchange send(
            Step step,
            String purpose,
            String method,
            URI url,
            Map<String, String> headers,
            String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (origin != null) {
            all.put("Origin", origin);
        }
        return sendAsIs(step, purpose, method, url, all, body);
    }

    /** A request with exactly these headers, as a desktop client sends it. */
    Exchange sendAsIs(
            Step step,
            String purpose,
            String method,
            URI url,
            Map<String, String> all,
            String body) {
        Exchange answer = fetcher.send(method, url, all, body);
        probes.add(new Probe(step, purpose, answer));
        return answer;
    }

    List<Probe> probes() {
        return List.copyOf(probes);
    }
}
