package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.check.BadInputException;
import dev.mcpauth.check.Exchange;
import dev.mcpauth.check.Fetcher;
import dev.mcpauth.check.McpRequests;
import dev.mcpauth.check.MetadataLookup;
import dev.mcpauth.check.UnreachableException;
import dev.mcpauth.client.profile.ResourceMetadataOrder;
import dev.mcpauth.protocol.WellKnown;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code discover}: fetches an MCP server's discovery metadata the way clients do, checks it
 * against the specifications, and says for each client profile whether it would get to a login.
 */
public final class Discoverer {

    /**
     * @param origin a browser origin to check CORS for, or null
     */
    public record Request(URI url, String origin, Duration timeout) {}

    private final Recorder recorder;
    private final URI url;
    private final String origin;
    private final Duration timeout;
    private final List<Finding> findings = new ArrayList<>();

    private Discoverer(Recorder recorder, URI url, String origin, Duration timeout) {
        this.recorder = recorder;
        this.url = url;
        this.origin = origin;
        this.timeout = timeout;
    }

    public static DiscoveryReport discover(Request request, Instant now) {
        URI url = endpoint(request.url());
        try (Fetcher fetcher = new Fetcher(request.timeout())) {
            Recorder recorder = new Recorder(fetcher, request.origin());
            return new Discoverer(recorder, url, request.origin(), request.timeout()).run(now);
        }
    }

    static URI endpoint(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new BadInputException(
                    "'"
                            + url
                            + "' is not an http(s) URL; give the MCP endpoint, for example"
                            + " https://mcp.example.com/mcp");
        }
        return url.getRawPath() == null || url.getRawPath().isEmpty() ? URI.create(url + "/") : url;
    }

    private DiscoveryReport run(Instant now) {
        Exchange init = initialize();
        ChallengeChecks.Result challenge = ChallengeChecks.check(init);
        findings.addAll(challenge.findings());
        if (origin != null) {
            Exchange browser =
                    recorder.send(
                            Step.CORS,
                            "initialize from a browser on " + origin,
                            "POST",
                            url,
                            McpRequests.postHeaders(null),
                            McpRequests.initialize());
            findings.addAll(CorsChecks.checkChallenge(browser, origin));
        }

        List<URI> prmUrls = resourceMetadataUrls(challenge.resourceMetadataUrls());
        Located prm = firstDocument(Step.RESOURCE_METADATA, "resource metadata", prmUrls);
        annotateChallengeUrls(challenge.resourceMetadataUrls());
        if (prm == null) {
            findings.add(noResourceMetadata(prmUrls));
        } else {
            findings.addAll(ResourceMetadataChecks.check(url, prm.at(), prm.doc(), prmUrls));
        }

        String asUrl = authorizationServer(prm);
        Located as = authorizationServerMetadata(asUrl);
        if (origin != null) {
            preflights(prm, as);
        }
        String first = challenge.resourceMetadataUrls().stream().findFirst().orElse(null);
        List<ClientVerdict> clients = new ClientVerdicts(url, first, timeout).all();
        return new DiscoveryReport(
                url.toString(),
                now.toString(),
                String.join(", ", init.headerValues("WWW-Authenticate")),
                prm == null ? null : prm.at().toString(),
                prm == null ? null : prm.doc(),
                asUrl,
                as == null ? null : as.at().toString(),
                as == null ? null : as.doc(),
                recorder.probes(),
                List.copyOf(findings),
                clients,
                null);
    }

    private Exchange initialize() {
        Exchange init =
                recorder.sendAsIs(
                        Step.CHALLENGE,
                        "initialize without a token",
                        "POST",
                        url,
                        McpRequests.postHeaders(null),
                        McpRequests.initialize());
        if (!init.answered()) {
            throw new UnreachableException(url + ": " + init.error(), null);
        }
        if (init.status() >= 300 && init.status() < 400) {
            String location = init.header("Location").orElse("(no Location)");
            String where = Documents.otherHost(url.toString(), location) ? " on another host" : "";
            throw new BadInputException(
                    url
                            + " redirects ("
                            + init.status()
                            + ") to "
                            + location
                            + where
                            + "; MCP clients do not follow redirects on POST reliably. Point"
                            + " discover (and your clients) at the endpoint itself");
        }
        if (init.ok() && init.mediaType().equals("text/html")) {
            throw new BadInputException(
                    url
                            + " answered an HTML page, not an MCP endpoint; give the URL of the"
                            + " MCP endpoint (often ending in /mcp)");
        }
        return init;
    }

    /** The challenge's URLs in the order sent, then path-inserted and root (RFC 9728 3.1). */
    private List<URI> resourceMetadataUrls(List<String> fromChallenge) {
        List<URI> urls = new ArrayList<>();
        for (String value : fromChallenge) {
            usable(value).filter(u -> !urls.contains(u)).ifPresent(urls::add);
        }
        for (URI u : MetadataLookup.resourceMetadataUrls(url, null)) {
            if (!urls.contains(u)) {
                urls.add(u);
            }
        }
        return urls;
    }

    /** A document and where it was found. */
    private record Located(URI at, JsonNode doc) {}

    /** Fetches every URL (to show where the document lives) and keeps the first usable one. */
    private Located firstDocument(Step step, String what, List<URI> urls) {
        Located found = null;
        for (URI candidate : urls) {
            Exchange answer = recorder.get(step, what, candidate);
            Optional<JsonNode> doc =
                    Documents.read(answer, step, what + " at " + candidate, findings);
            if (doc.isPresent() && found == null) {
                found = new Located(candidate, doc.get());
            }
        }
        return found;
    }

    private void annotateChallengeUrls(List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> outcomes = new ArrayList<>();
        for (String value : values) {
            Optional<URI> uri = usable(value);
            String outcome =
                    uri.map(u -> recorder.get(Step.RESOURCE_METADATA, "resource metadata", u))
                            .map(e -> e.answered() ? String.valueOf(e.status()) : e.error())
                            .orElse("not a URL");
            outcomes.add(value + " -> " + outcome);
        }
        findings.replaceAll(
                f ->
                        f.id().equals("duplicate-param")
                                ? f.evidence(String.join("; ", outcomes))
                                : f);
        Optional<URI> first = usable(values.get(0));
        Exchange answer =
                first.map(u -> recorder.get(Step.RESOURCE_METADATA, "resource metadata", u))
                        .orElse(null);
        if (answer == null || !answer.ok()) {
            List<String> stop =
                    AuthorizationServerChecks.profileNames(
                            p ->
                                    p.resourceMetadata()
                                            == ResourceMetadataOrder.HEADER_ONLY_ELSE_WELL_KNOWN);
            findings.add(
                    Finding.error(
                                    Step.RESOURCE_METADATA,
                                    "challenge-url-fails",
                                    "RFC 9728 section 5.1; MCP 2025-11-25 Authorization",
                                    "the challenge's resource_metadata URL does not lead to a"
                                            + " document; clients must use it, and those that"
                                            + " use only it stop here: "
                                            + stop)
                            .evidence(outcomes.get(0))
                            .fix("point resource_metadata at the URL that serves the document"));
        }
    }

    private Finding noResourceMetadata(List<URI> tried) {
        return Finding.error(
                        Step.RESOURCE_METADATA,
                        "no-resource-metadata",
                        "MCP 2025-11-25 Authorization; RFC 9728 section 3",
                        "no protected resource metadata at any location clients try")
                .evidence("tried " + tried)
                .fix(
                        "serve the document at "
                                + WellKnown.pathInserted(url, WellKnown.PROTECTED_RESOURCE)
                                + " and name it in the 401 challenge");
    }

    private String authorizationServer(Located prm) {
        if (prm != null) {
            JsonNode first = prm.doc().path("authorization_servers").path(0);
            if (first.isTextual()) {
                return first.asText();
            }
        }
        return WellKnown.origin(url);
    }

    private Located authorizationServerMetadata(String asUrl) {
        Optional<URI> as = usable(asUrl);
        if (as.isEmpty()) {
            findings.add(
                    Finding.error(
                            Step.AUTHORIZATION_SERVER,
                            "authorization-server-not-url",
                            "RFC 9728 section 2",
                            "authorization_servers[0] '" + asUrl + "' is not an absolute URL"));
            return null;
        }
        findings.addAll(AuthorizationServerChecks.locationNotes(as.get()));
        List<URI> urls = MetadataLookup.authorizationServerUrls(as.get());
        String what = "authorization server metadata";
        Located found = firstDocument(Step.AUTHORIZATION_SERVER, what, urls);
        Located appended = appendedForm(as.get(), found != null);
        if (found == null && appended == null) {
            findings.add(
                    Finding.error(
                                    Step.AUTHORIZATION_SERVER,
                                    "no-authorization-server-metadata",
                                    "RFC 8414 section 3.1; MCP 2025-11-25 Authorization Server"
                                            + " Metadata Discovery",
                                    "no authorization server metadata for "
                                            + asUrl
                                            + " at any location clients try")
                            .evidence("tried " + urls)
                            .fix("serve RFC 8414 metadata at " + urls.get(0)));
        }
        Located used = found != null ? found : appended;
        if (used != null) {
            findings.addAll(AuthorizationServerChecks.check(asUrl, used.at(), used.doc()));
        }
        return used;
    }

    /**
     * RFC 8414 metadata at {@code {issuer}/.well-known/oauth-authorization-server} (appended, not
     * inserted) is a common mistake; no client looks there.
     */
    private Located appendedForm(URI as, boolean foundElsewhere) {
        if (WellKnown.trimmedPath(as).isEmpty()) {
            return null;
        }
        URI appended = WellKnown.appended(as, WellKnown.AUTHORIZATION_SERVER);
        Exchange answer =
                recorder.get(Step.AUTHORIZATION_SERVER, "non-standard location", appended);
        Optional<JsonNode> doc = answer.ok() ? Documents.parse(answer.body()) : Optional.empty();
        if (doc.isEmpty()) {
            findings.add(
                    Finding.info(
                            Step.AUTHORIZATION_SERVER,
                            "as-appended-form",
                            "RFC 8414 section 3.1",
                            appended
                                    + " (the well-known suffix appended to the issuer) is the"
                                    + " appended form - non-standard for"
                                    + " oauth-authorization-server; a client that builds it gets "
                                    + (answer.answered() ? answer.status() : answer.error())));
            return null;
        }
        Severity severity = foundElsewhere ? Severity.WARNING : Severity.ERROR;
        findings.add(
                new Finding(
                        "as-metadata-appended",
                        severity,
                        Step.AUTHORIZATION_SERVER,
                        "RFC 8414 section 3.1",
                        "RFC 8414 metadata is served at "
                                + appended
                                + ": appended form - non-standard (RFC 8414 inserts the"
                                + " well-known segment before the issuer's path); clients do not"
                                + " look there"
                                + (foundElsewhere ? "" : ", and it is found nowhere else"),
                        answer.summary(),
                        "serve it at "
                                + WellKnown.pathInserted(as, WellKnown.AUTHORIZATION_SERVER)));
        return foundElsewhere ? null : new Located(appended, doc.get());
    }

    private void preflights(Located prm, Located as) {
        List<Finding> out = new ArrayList<>();
        if (prm != null) {
            out.add(
                    CorsChecks.preflight(
                            recorder,
                            prm.at(),
                            "resource metadata",
                            "GET",
                            "mcp-protocol-version",
                            origin));
        }
        if (as != null) {
            out.add(
                    CorsChecks.preflight(
                            recorder,
                            as.at(),
                            "authorization server metadata",
                            "GET",
                            "mcp-protocol-version",
                            origin));
            for (String member : List.of("token_endpoint", "registration_endpoint")) {
                usable(MetadataLookup.text(as.doc(), member))
                        .ifPresent(
                                u ->
                                        out.add(
                                                CorsChecks.preflight(
                                                        recorder,
                                                        u,
                                                        member,
                                                        "POST",
                                                        "content-type",
                                                        origin)));
            }
        }
        out.stream().filter(f -> f != null).forEach(findings::add);
    }

    private static Optional<URI> usable(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value);
            return uri.getScheme() != null && uri.getHost() != null
                    ? Optional.of(uri)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
