package dev.mcpauth.client.oauth;

import dev.mcpauth.client.ClientSimException;
import dev.mcpauth.client.trace.RecordingHttpClient;
import dev.mcpauth.client.trace.RecordingHttpClient.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The person at the browser: opens the authorization URL, follows redirects as a browser does,
 * reads a consent page and submits its form with the Approve button, and stops when the browser
 * reaches the client's redirect URI. An error page on the way means the login cannot finish,
 * whatever the person does.
 */
public final class SimulatedPerson {

    private static final int MAX_HOPS = 10;
    private static final Pattern FORM = Pattern.compile("(?is)<form\\b([^>]*)>(.*?)</form>");
    private static final Pattern INPUT = Pattern.compile("(?is)<input\\b([^>]*)>");
    private static final Pattern BUTTON = Pattern.compile("(?is)<button\\b([^>]*)>(.*?)</button>");
    private static final Pattern APPROVE =
            Pattern.compile("(?i)approve|allow|accept|authori[sz]e|grant|consent|yes|continue");
    private static final Pattern HEADING = Pattern.compile("(?is)<h1[^>]*>(.*?)</h1>");
    private static final Pattern PARAGRAPH = Pattern.compile("(?is)<p[^>]*>(.*?)</p>");
    private static final Map<String, String> BROWSER =
            Map.of("Accept", "text/html,application/xhtml+xml", "User-Agent", "Mozilla/5.0");

    /** Where the browser ended: the redirect's parameters and whether a page was approved. */
    public record Outcome(Map<String, String> params, boolean consentPageShown) {

        public String param(String name) {
            return params.get(name);
        }
    }

    private final RecordingHttpClient http;

    public SimulatedPerson(RecordingHttpClient http) {
        this.http = http;
    }

    public Outcome authorize(URI authorizationUrl, String redirectUri) {
        URI url = authorizationUrl;
        String method = "GET";
        String body = null;
        boolean consent = false;
        Set<String> seen = new HashSet<>();
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (reached(url, redirectUri)) {
                return new Outcome(query(url), consent);
            }
            if (method.equals("GET") && !seen.add(url.toString())) {
                throw loop(authorizationUrl);
            }
            Map<String, String> headers = new LinkedHashMap<>(BROWSER);
            if (body != null) {
                headers.put("Content-Type", "application/x-www-form-urlencoded");
            }
            Response res = http.send(method, url, headers, body);
            if (res.isRedirect()) {
                url = url.resolve(res.header("Location").strip());
                if (res.status() == 303 || method.equals("POST") && res.status() != 307) {
                    method = "GET";
                    body = null;
                }
                continue;
            }
            if (res.status() != 200) {
                throw stuck(url, res);
            }
            Map<String, String> form = new LinkedHashMap<>();
            String[] target = approveForm(url, res.body(), form);
            consent = true;
            url = url.resolve(target[1]);
            method = target[0];
            body = encode(form);
            if (method.equals("GET")) {
                url = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + body);
                body = null;
            }
        }
        throw loop(authorizationUrl);
    }

    /** Fills {@code form} with the approving submission; returns method and action. */
    private static String[] approveForm(URI url, String html, Map<String, String> form) {
        Matcher forms = FORM.matcher(html == null ? "" : html);
        while (forms.find()) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher inputs = INPUT.matcher(forms.group(2));
            String submit = null;
            while (inputs.find()) {
                String attrs = inputs.group(1);
                String type = attr(attrs, "type");
                String name = attr(attrs, "name");
                if ("submit".equalsIgnoreCase(type)) {
                    if (submit == null && approves(attr(attrs, "value"))) {
                        submit = name == null ? "" : name + "=" + attr(attrs, "value");
                    }
                } else if (name != null && !"checkbox".equalsIgnoreCase(type)) {
                    fields.put(name, value(attr(attrs, "value")));
                }
            }
            Matcher buttons = BUTTON.matcher(forms.group(2));
            while (submit == null && buttons.find()) {
                String attrs = buttons.group(1);
                if (approves(attr(attrs, "value")) || approves(text(buttons.group(2)))) {
                    String name = attr(attrs, "name");
                    submit = name == null ? "" : name + "=" + value(attr(attrs, "value"));
                }
            }
            if (submit == null) {
                continue;
            }
            form.putAll(fields);
            if (!submit.isEmpty()) {
                int eq = submit.indexOf('=');
                form.put(submit.substring(0, eq), submit.substring(eq + 1));
            }
            String formAttrs = forms.group(1);
            String method = attr(formAttrs, "method");
            String action = attr(formAttrs, "action");
            return new String[] {
                method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT),
                action == null || action.isEmpty() ? url.toString() : unescape(action)
            };
        }
        throw new ClientSimException(
                ClientSimException.Kind.AUTHORIZATION,
                "the page at "
                        + strip(url)
                        + " has no form with an Approve button, so the person cannot approve;"
                        + " is it a consent page?");
    }

    private static boolean approves(String label) {
        return label != null && APPROVE.matcher(label).find();
    }

    private static boolean reached(URI url, String redirectUri) {
        URI r = URI.create(redirectUri);
        return url.getScheme().equalsIgnoreCase(r.getScheme())
                && url.getHost() != null
                && url.getHost().equalsIgnoreCase(r.getHost())
                && url.getPort() == r.getPort()
                && path(url).equals(path(r));
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    private static ClientSimException stuck(URI url, Response res) {
        String body = res.body() == null ? "" : res.body();
        Matcher h1 = HEADING.matcher(body);
        Matcher p = PARAGRAPH.matcher(body);
        String detail =
                (h1.find() ? text(h1.group(1)) : "") + (p.find() ? ": " + text(p.group(1)) : "");
        if (detail.isBlank()) {
            detail = body.length() > 200 ? body.substring(0, 200) : body.strip();
        }
        return new ClientSimException(
                ClientSimException.Kind.AUTHORIZATION,
                "the login is stuck at "
                        + strip(url)
                        + ", which answered "
                        + res.status()
                        + " and no redirect to the client"
                        + (detail.isBlank() ? "" : " (" + detail.replace('\n', ' ') + ")"));
    }

    private static ClientSimException loop(URI start) {
        return new ClientSimException(
                ClientSimException.Kind.AUTHORIZATION,
                "the authorization at "
                        + strip(start)
                        + " redirects in a loop (more than "
                        + MAX_HOPS
                        + " hops or a repeated URL) and never reaches the client");
    }

    private static String strip(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = url.getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String attr(String attrs, String name) {
        Matcher m =
                Pattern.compile(
                                "(?is)(?:^|\\s)"
                                        + name
                                        + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))")
                        .matcher(attrs);
        if (!m.find()) {
            return null;
        }
        String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return unescape(v);
    }

    private static String value(String v) {
        return v == null ? "" : v;
    }

    private static String text(String html) {
        return unescape(html.replaceAll("(?s)<[^>]*>", "")).replaceAll("\\s+", " ").strip();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String encode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach(
                (k, v) -> {
                    if (out.length() > 0) {
                        out.append('&');
                    }
                    out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                            .append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                });
        return out.toString();
    }
}
