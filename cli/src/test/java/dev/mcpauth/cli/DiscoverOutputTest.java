package dev.mcpauth.cli;

import static dev.mcpauth.cli.DiscoverFixtures.CHALLENGE;
import static dev.mcpauth.cli.DiscoverFixtures.discover;
import static dev.mcpauth.cli.DiscoverFixtures.goodServer;
import static dev.mcpauth.cli.DiscoverFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.cli.CaseServer.Reply;
import dev.mcpauth.cli.CliTest.Run;
import dev.mcpauth.cli.DiscoverFixtures.Report;
import org.junit.jupiter.api.Test;

/** {@code mcpauth discover}: its text and JSON output. */
class DiscoverOutputTest {

    @Test
    void textIsGroupedByStepWithoutColourWhenNotATerminal() {
        try (CaseServer s = goodServer()) {
            Run run = run("discover", s.url("/mcp"));

            assertEquals(0, run.exitCode(), run.out());
            assertTrue(run.out().contains("1. unauthenticated initialize"), run.out());
            assertTrue(run.out().contains("2. protected resource metadata"), run.out());
            assertTrue(run.out().contains("WWW-Authenticate: Bearer"), run.out());
            assertFalse(run.out().contains("\u001b["), run.out());
        }
    }

    @Test
    void jsonRecordsEveryRequestWithStatusContentTypeAndTime() {
        try (CaseServer s = goodServer()) {
            Report r = discover(s.url("/mcp"));

            JsonNode first = r.json().get("probes").get(0);
            assertEquals("challenge", first.get("step").asText());
            assertEquals("POST", first.get("method").asText());
            assertEquals(401, first.get("status").asInt());
            assertTrue(first.has("millis"), first.toString());
            JsonNode prm = r.json().get("probes").get(1);
            assertEquals("application/json", prm.get("content_type").asText());
            assertEquals(
                    s.origin(),
                    r.json().get("resource_metadata").get("authorization_servers").get(0).asText());
        }
    }

    @Test
    void corsChecksReportAnUnexposedChallenge() {
        try (CaseServer s = goodServer()) {
            s.on(
                    "POST",
                    "/mcp",
                    Reply.status(
                            401,
                            "WWW-Authenticate",
                            CHALLENGE,
                            "Access-Control-Allow-Origin",
                            "*"));

            Report r = discover(s.url("/mcp"), "--origin", "http://app.example");

            assertTrue(r.ids("error").contains("cors-expose-www-authenticate"), r.run().out());
            assertTrue(r.ids("error").contains("cors-preflight"), r.run().out());
        }
    }
}
