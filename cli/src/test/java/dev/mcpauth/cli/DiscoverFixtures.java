package dev.mcpauth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.cli.CaseServer.Reply;
import dev.mcpauth.cli.CliTest.Run;
import dev.mcpauth.protocol.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * What the discover tests share: good documents, a server serving them, and the report of a run
 * read as JSON.
 */
final class DiscoverFixtures {

    private DiscoverFixtures() {}

    static final String CHALLENGE =
            "Bearer resource_metadata=\"{origin}/.well-known/oauth-protected-resource/mcp\","
                    + " scope=\"mcp\"";
    static final String GOOD_PRM =
            "{\"resource\":\"{origin}/mcp\",\"authorization_servers\":[\"{origin}\"]}";
    static final String GOOD_AS =
            """
            {"issuer":"{origin}","authorization_endpoint":"{origin}/authorize",
             "token_endpoint":"{origin}/token","registration_endpoint":"{origin}/register",
             "response_types_supported":["code"],
             "token_endpoint_auth_methods_supported":["none","client_secret_post",
               "client_secret_basic"],
             "code_challenge_methods_supported":["S256"]}
            """;

    /** A discover run and its JSON report. */
    record Report(Run run, JsonNode json) {

        List<String> ids(String severity) {
            List<String> out = new ArrayList<>();
            for (JsonNode f : json.get("findings")) {
                if (f.get("severity").asText().equals(severity)) {
                    out.add(f.get("id").asText());
                }
            }
            return out;
        }

        JsonNode finding(String id) {
            for (JsonNode f : json.get("findings")) {
                if (f.get("id").asText().equals(id)) {
                    return f;
                }
            }
            throw new AssertionError("no finding " + id + " in " + run.out());
        }

        String outcome(String profile) {
            for (JsonNode v : json.get("clients")) {
                if (v.get("profile").asText().equals(profile)) {
                    return v.get("outcome").asText()
                            + (v.has("step") ? " at " + v.get("step").asText() : "");
                }
            }
            throw new AssertionError("no verdict for " + profile);
        }

        List<String> urls(String step) {
            return StreamSupport.stream(json.get("probes").spliterator(), false)
                    .filter(p -> p.get("step").asText().equals(step))
                    .map(p -> p.get("url").asText())
                    .toList();
        }
    }

    static Run run(String... args) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> CliTest.run(args));
    }

    static Report discover(String url, String... more) {
        List<String> args = new ArrayList<>(List.of("discover", url, "--json"));
        args.addAll(List.of(more));
        Run run = run(args.toArray(String[]::new));
        try {
            return new Report(run, Json.mapper().readTree(run.out()));
        } catch (Exception e) {
            throw new AssertionError("not JSON (exit " + run.exitCode() + "): " + run.err(), e);
        }
    }

    /** A server with a good challenge, resource metadata and authorization server metadata. */
    static CaseServer goodServer() {
        return new CaseServer()
                .on("POST", "/mcp", Reply.status(401, "WWW-Authenticate", CHALLENGE))
                .on("GET", "/.well-known/oauth-protected-resource/mcp", Reply.json(GOOD_PRM))
                .on("GET", "/.well-known/oauth-authorization-server", Reply.json(GOOD_AS));
    }
}
