package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.check.BadInputException;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.profile.Profiles;
import dev.mcpauth.protocol.AuthChallenges;
import dev.mcpauth.protocol.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The difference between a saved discovery snapshot and a new run (for example across a server
 * restart), with what each change does to clients.
 */
public final class SnapshotComparison {

    private record Field(String name, Function<DiscoveryReport, String> value, String effect) {}

    private static final List<Field> FIELDS =
            List.of(
                    new Field(
                            "challenge.scope",
                            r -> challengeScope(r.challenge()),
                            "VS Code 1.101-1.105 starts a new authorization only when this scope"
                                    + " changes; other clients ask for it in the next"
                                    + " authorization request"),
                    new Field(
                            "resource_metadata_url",
                            DiscoveryReport::resourceMetadataUrl,
                            "where clients find the resource metadata moved"),
                    prm(
                            "resource",
                            "clients compare it with the MCP URL; tokens bound to the"
                                    + " old resource are refused"),
                    prm(
                            "authorization_servers",
                            "a new authorization server: clients that key credentials by it"
                                    + " (VS Code) register again and ask the user to log in"),
                    prm("scopes_supported", "clients use it when the challenge names no scope"),
                    as(
                            "issuer",
                            "clients that compare issuer with the authorization server URL"
                                    + " reject the metadata; clients that bind stored"
                                    + " credentials to the issuer drop them and register again"),
                    as("authorization_endpoint", "logins go to another endpoint"),
                    as(
                            "token_endpoint",
                            "refresh and code exchange go to another endpoint; clients with"
                                    + " cached metadata keep the old one until they rediscover"),
                    as(
                            "registration_endpoint",
                            "registrations go elsewhere; cached client ids survive only if the"
                                    + " new endpoint shares the store"),
                    as("scopes_supported", "clients use it when nothing else names a scope"),
                    as("code_challenge_methods_supported", "PKCE support changed"),
                    as(
                            "client_id_metadata_document_supported",
                            "clients with a client ID metadata document switch registration"
                                    + " style"));

    private SnapshotComparison() {}

    /** Reads a snapshot written by {@code --save}: the documents and the client verdicts. */
    public static DiscoveryReport readSnapshot(String json, String name) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject() || !root.has("url")) {
            throw new BadInputException(
                    name + " is not a discover snapshot; write one with discover --save FILE");
        }
        List<ClientVerdict> clients = new ArrayList<>();
        for (JsonNode v : root.path("clients")) {
            clients.add(
                    new ClientVerdict(
                            v.path("profile").asText(),
                            v.path("client").asText(null),
                            v.path("outcome").asText(),
                            null,
                            v.path("reason").asText(null),
                            List.of(),
                            List.of()));
        }
        return new DiscoveryReport(
                root.path("url").asText(),
                root.path("checked_at").asText(null),
                root.path("challenge").asText(null),
                root.path("resource_metadata_url").asText(null),
                object(root.get("resource_metadata")),
                root.path("authorization_server").asText(null),
                root.path("authorization_server_metadata_url").asText(null),
                object(root.get("authorization_server_metadata")),
                List.of(),
                List.of(),
                List.copyOf(clients),
                null);
    }

    private static JsonNode object(JsonNode node) {
        return node != null && node.isObject() ? node : null;
    }

    public static List<Change> compare(DiscoveryReport before, DiscoveryReport after) {
        List<Change> changes = new ArrayList<>();
        Set<String> brokenByRun = broken(before, after);
        for (Field field : FIELDS) {
            String a = field.value().apply(before);
            String b = field.value().apply(after);
            if (Objects.equals(a, b)) {
                continue;
            }
            List<String> breaks =
                    field.name().equals("issuer")
                            ? rejectingIssuer(after)
                            : List.copyOf(brokenByRun);
            changes.add(new Change(field.name(), a, b, field.effect(), breaks));
        }
        if (changes.isEmpty() && !brokenByRun.isEmpty()) {
            changes.add(
                    new Change(
                            "clients",
                            null,
                            null,
                            "no metadata member changed, but these clients no longer connect",
                            List.copyOf(brokenByRun)));
        }
        return changes;
    }

    /** Profiles that got through before and fail now. */
    private static Set<String> broken(DiscoveryReport before, DiscoveryReport after) {
        Map<String, Boolean> failedBefore =
                before.clients() == null
                        ? Map.of()
                        : before.clients().stream()
                                .collect(
                                        Collectors.toMap(
                                                ClientVerdict::profile, ClientVerdict::fails));
        return after.clients().stream()
                .filter(ClientVerdict::fails)
                .filter(v -> Boolean.FALSE.equals(failedBefore.get(v.profile())))
                .map(ClientVerdict::profile)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Profiles whose issuer check rejects the new metadata, or whose stored credentials go. */
    private static List<String> rejectingIssuer(DiscoveryReport after) {
        String issuer = asMember(after, "issuer");
        String as = after.authorizationServer();
        return Profiles.all().stream()
                .filter(
                        p ->
                                p.issuerCheck().problem(as, issuer).isPresent()
                                        || p.cacheKey().bindsIssuer())
                .map(ClientProfile::name)
                .toList();
    }

    private static Field prm(String member, String effect) {
        return new Field(
                "resource_metadata." + member,
                r -> text(r.resourceMetadata() == null ? null : r.resourceMetadata().get(member)),
                effect);
    }

    private static Field as(String member, String effect) {
        return new Field(member, r -> asMember(r, member), effect);
    }

    private static String asMember(DiscoveryReport r, String member) {
        JsonNode doc = r.authorizationServerMetadata();
        return text(doc == null ? null : doc.get(member));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static String challengeScope(String header) {
        return AuthChallenges.parse(header).stream()
                .filter(c -> c.scheme().equalsIgnoreCase("Bearer"))
                .map(c -> c.first("scope"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
