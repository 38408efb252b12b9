package dev.mcpauth.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.protocol.Json;
import dev.mcpauth.protocol.WellKnown;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plain lookups other checks need: the protected resource metadata of an MCP endpoint and the
 * metadata of its authorization server, in the order of MCP 2025-11-25, Authorization.
 */
public final class MetadataLookup {

    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");

    private final Fetcher fetcher;

    public MetadataLookup(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** Locations of the resource metadata: the challenge's URL, path-inserted, then root. */
    public static List<URI> resourceMetadataUrls(URI resource, String challengeUrl) {
        List<URI> urls = new ArrayList<>();
        if (challengeUrl != null) {
            urls.add(URI.create(challengeUrl));
        }
        URI inserted = WellKnown.pathInserted(resource, WellKnown.PROTECTED_RESOURCE);
        URI root = WellKnown.root(resource, WellKnown.PROTECTED_RESOURCE);
        if (!urls.contains(inserted)) {
            urls.add(inserted);
        }
        if (!urls.contains(root)) {
            urls.add(root);
        }
        return urls;
    }

    /**
     * Locations of authorization server metadata (RFC 8414 section 3.1, OIDC Discovery 1.0): for an
     * issuer with a path, both inserted forms then the appended OIDC form.
     */
    public static List<URI> authorizationServerUrls(URI issuer) {
        List<URI> urls = new ArrayList<>();
        urls.add(WellKnown.pathInserted(issuer, WellKnown.AUTHORIZATION_SERVER));
        urls.add(WellKnown.pathInserted(issuer, WellKnown.OPENID_CONFIGURATION));
        URI appended = WellKnown.appended(issuer, WellKnown.OPENID_CONFIGURATION);
        if (!urls.contains(appended)) {
            urls.add(appended);
        }
        return urls;
    }

    public Optional<JsonNode> resourceMetadata(URI resource, String challengeUrl) {
        return firstJson(resourceMetadataUrls(resource, challengeUrl));
    }

    public Optional<JsonNode> authorizationServerMetadata(URI issuer) {
        return firstJson(authorizationServerUrls(issuer));
    }

    private Optional<JsonNode> firstJson(List<URI> urls) {
        for (URI url : urls) {
            Optional<JsonNode> doc = parseObject(fetcher.get(url, ACCEPT_JSON));
            if (doc.isPresent()) {
                return doc;
            }
        }
        return Optional.empty();
    }

    /** The body as a JSON object when the answer is a 200 carrying one. */
    public static Optional<JsonNode> parseObject(Exchange exchange) {
        if (!exchange.ok() || exchange.truncated()) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.mapper().readTree(exchange.body());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static String text(JsonNode doc, String member) {
        JsonNode value = doc == null ? null : doc.get(member);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
