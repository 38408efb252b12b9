package dev.mcpauth.cli;

import static dev.mcpauth.cli.DiscoverFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.cli.CaseServer.Reply;
import dev.mcpauth.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code mcpauth discover} on the field cases: each case's documents served from 127.0.0.1 with the
 * case's host replaced by the local server, the real command pointed at it, the case's verdict
 * asserted.
 */
class DiscoverFieldCasesTest {

    /** Case 07: issuer with a trailing slash the resource metadata lacks. */
    @Test
    void case07IssuerTrailingSlashIsFlaggedAndStrictClientsAbort() {
        String doc =
                Cases.text("07-issuer-trailing-slash-as-side.json")
                        .replace("https://mcp.example.com", "{origin}");
        JsonNode c = Json.mapper().createObjectNode();
        try {
            c = Json.mapper().readTree(doc);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (CaseServer s = new CaseServer()) {
            s.on(
                            "POST",
                            "/mcp",
                            Reply.status(
                                    401,
                                    "WWW-Authenticate",
                                    "Bearer resource_metadata=\"{origin}/.well-known/"
                                            + "oauth-protected-resource\""))
                    .on(
                            "GET",
                            "/.well-known/oauth-protected-resource",
                            Reply.json(c.get("prm").toString()))
                    .on(
                            "GET",
                            "/.well-known/oauth-authorization-server",
                            Reply.json(c.get("as_metadata").toString()));

            Report r = discover(s.url("/mcp"));

            assertEquals(ExitCode.CHECKS_FAILED, r.run().exitCode(), r.run().err());
            String message = r.finding("issuer-mismatch").get("message").asText();
            assertTrue(
                    message.contains(
                            "as_metadata.issuer '"
                                    + s.origin()
                                    + "/' != prm.authorization_servers[0] '"
                                    + s.origin()
                                    + "'"),
                    message);
            assertTrue(message.contains("Root-path-only difference"), message);
            assertEquals("RFC 8414 section 3.3", r.finding("issuer-mismatch").get("spec").asText());
            assertEquals("connects", r.outcome("vscode-1.105"));
            assertEquals("connects", r.outcome("python-sdk"));
            assertEquals("fails at authorization-server", r.outcome("spec"));
        }
    }

    /** Case 10: the configured URL has a trailing slash the resource lacks. */
    @Test
    void case10ResourceTrailingSlashAndDoubledContentType() {
        try (CaseServer s = new CaseServer()) {
            s.on("POST", "/mcp/", Reply.status(401, "WWW-Authenticate", CHALLENGE))
                    .on(
                            "GET",
                            "/.well-known/oauth-protected-resource/mcp",
                            new Reply(
                                    200,
                                    List.of(
                                            new String[] {"Content-Type", "application/json"},
                                            new String[] {"Content-Type", "application/json"},
                                            new String[] {"Access-Control-Allow-Origin", "*"}),
                                    GOOD_PRM,
                                    null))
                    .on("GET", "/.well-known/oauth-authorization-server", Reply.json(GOOD_AS));

            Report r = discover(s.url("/mcp/"));

            assertEquals(ExitCode.CHECKS_FAILED, r.run().exitCode(), r.run().err());
            String message = r.finding("resource-mismatch").get("message").asText();
            assertTrue(message.contains("only difference is a trailing '/'"), message);
            assertEquals(
                    "RFC 9728 section 3.3", r.finding("resource-mismatch").get("spec").asText());
            assertTrue(r.ids("warning").contains("duplicate-content-type"), r.run().out());
            // The case's log: VS Code refuses the document; the TS SDK's prefix rule takes it.
            assertTrue(r.outcome("vscode-1.105").startsWith("fails"), r.run().out());
            assertTrue(r.outcome("vscode").startsWith("fails"), r.run().out());
            assertEquals("connects", r.outcome("ts-sdk"));
        }
    }

    /** Case 11: the resource names the server root, the endpoint is /mcp. */
    @Test
    void case11ResourceMissingPathAndRootOnlyLocation() {
        String prm =
                Cases.json("11-prm-resource-missing-path.json")
                        .get("prm")
                        .toString()
                        .replace("http://localhost:8000", "{origin}")
                        .replace("http://localhost:9000", "{origin}");
        try (CaseServer s = new CaseServer()) {
            s.on(
                            "POST",
                            "/mcp",
                            Reply.status(
                                    401,
                                    "WWW-Authenticate",
                                    "Bearer resource_metadata=\"{origin}/.well-known/"
                                            + "oauth-protected-resource\""))
                    .on("GET", "/.well-known/oauth-protected-resource", Reply.json(prm))
                    .on("GET", "/.well-known/oauth-authorization-server", Reply.json(GOOD_AS));

            Report r = discover(s.url("/mcp"));

            assertEquals(ExitCode.CHECKS_FAILED, r.run().exitCode());
            assertTrue(
                    r.finding("resource-mismatch")
                            .get("message")
                            .asText()
                            .startsWith(
                                    "prm.resource '"
                                            + s.origin()
                                            + "/' != MCP URL '"
                                            + s.origin()
                                            + "/mcp'"),
                    r.run().out());
            String where = r.finding("prm-location").get("message").asText();
            assertEquals("warning", r.finding("prm-location").get("severity").asText());
            assertTrue(where.contains("/.well-known/oauth-protected-resource/mcp"), where);
            assertTrue(where.contains("the 401 resource_metadata should point there"), where);
        }
    }

    /** Case 12: an issuer with a path; the metadata answers only at the OIDC appended URL. */
    @Test
    void case12PathIssuerIsProbedInSpecOrderAndTheAnswerIsReported() {
        String issuerPath = "/application/o/mcp/";
        try (CaseServer s = new CaseServer()) {
            String as =
                    GOOD_AS.replace(
                            "\"issuer\":\"{origin}\"", "\"issuer\":\"{origin}" + issuerPath + "\"");
            s.on("POST", "/mcp", Reply.status(401, "WWW-Authenticate", CHALLENGE))
                    .on(
                            "GET",
                            "/.well-known/oauth-protected-resource/mcp",
                            Reply.json(
                                    "{\"resource\":\"{origin}/mcp\",\"authorization_servers\":"
                                            + "[\"{origin}"
                                            + issuerPath
                                            + "\"]}"))
                    .on(
                            "GET",
                            "/application/o/mcp/.well-known/openid-configuration",
                            Reply.json(as));

            Report r = discover(s.url("/mcp"));

            String o = s.origin();
            assertEquals(
                    List.of(
                            o + "/.well-known/oauth-authorization-server/application/o/mcp",
                            o + "/.well-known/openid-configuration/application/o/mcp",
                            o + "/application/o/mcp/.well-known/openid-configuration",
                            o + "/application/o/mcp/.well-known/oauth-authorization-server"),
                    r.urls("authorization-server"));
            assertTrue(
                    r.finding("as-found")
                            .get("message")
                            .asText()
                            .endsWith(
                                    "found at "
                                            + o
                                            + "/application/o/mcp/.well-known/"
                                            + "openid-configuration"));
            assertTrue(
                    r.finding("as-appended-form")
                            .get("message")
                            .asText()
                            .contains("appended form - non-standard"));
            assertTrue(r.ids("info").contains("issuer-trailing-slash"), r.run().out());
            assertFalse(r.ids("error").contains("issuer-mismatch"), r.run().out());
            assertEquals(ExitCode.OK, r.run().exitCode(), r.run().out());
        }
    }

    /** Case 15 V1: resource_metadata twice, the first 404s; error sent without a token. */
    @Test
    void case15DuplicateParameterSplitsFirstWinsFromFallbackClients() {
        try (CaseServer auth = new CaseServer();
                CaseServer s = new CaseServer()) {
            auth.on("GET", "/.well-known/oauth-authorization-server", Reply.json(GOOD_AS));
            s.on(
                            "POST",
                            "/mcp",
                            Reply.status(
                                    401,
                                    "WWW-Authenticate",
                                    "Bearer realm=\"OAuth\", resource_metadata=\"{origin}/"
                                            + ".well-known/oauth-protected-resource\","
                                            + " error=\"invalid_token\", error_description="
                                            + "\"Missing or invalid access token\","
                                            + " resource_metadata=\"{origin}/.well-known/"
                                            + "oauth-protected-resource/mcp\""))
                    .on(
                            "GET",
                            "/.well-known/oauth-protected-resource/mcp",
                            Reply.json(
                                    GOOD_PRM.replace(
                                            "[\"{origin}\"]", "[\"" + auth.origin() + "\"]")));

            Report r = discover(s.url("/mcp"));

            assertEquals(ExitCode.CHECKS_FAILED, r.run().exitCode());
            JsonNode dup = r.finding("duplicate-param");
            assertEquals("error", dup.get("severity").asText());
            assertEquals("RFC 9110 section 11.2", dup.get("spec").asText());
            assertTrue(dup.get("evidence").asText().contains("oauth-protected-resource -> 404"));
            assertTrue(dup.get("evidence").asText().contains("resource/mcp -> 200"));
            assertEquals("warning", r.finding("error-without-token").get("severity").asText());
            assertEquals(
                    "RFC 6750 section 3.1", r.finding("error-without-token").get("spec").asText());
            // Clients that use only the first URL never learn the authorization server.
            assertEquals("guesses at authorization-server", r.outcome("ts-sdk"));
            assertEquals("guesses at authorization-server", r.outcome("vscode-1.105"));
            assertEquals("connects", r.outcome("python-sdk"));
            assertEquals("connects", r.outcome("spec"));
        }
    }

    /** Case 15 V2: whitespace around '=' is allowed. */
    @Test
    void case15WhitespaceAroundEqualsPasses() {
        try (CaseServer s = goodServer()) {
            s.on(
                    "POST",
                    "/mcp",
                    Reply.status(
                            401,
                            "WWW-Authenticate",
                            "Bearer resource_metadata = \"{origin}/.well-known/"
                                    + "oauth-protected-resource/mcp\""));

            Report r = discover(s.url("/mcp"));

            assertEquals(ExitCode.OK, r.run().exitCode(), r.run().out());
            assertEquals(List.of(), r.ids("error"));
            assertEquals(List.of(), r.ids("warning"));
            assertEquals("connects", r.outcome("vscode-1.105"));
        }
    }

    /** Case 15 V3: single quotes are tolerated but warned about. */
    @Test
    void case15SingleQuotesAreAWarning() {
        try (CaseServer s = goodServer()) {
            s.on(
                    "POST",
                    "/mcp",
                    Reply.status(
                            401,
                            "WWW-Authenticate",
                            "Bearer resource_metadata='{origin}/.well-known/"
                                    + "oauth-protected-resource/mcp'"));

            Report r = discover(s.url("/mcp"));

            assertEquals(List.of("single-quotes"), r.ids("warning"), r.run().out());
            assertEquals(List.of(), r.ids("error"), r.run().out());
            assertEquals(ExitCode.OK, r.run().exitCode());
        }
    }

    /** Case 16: a 401 without a challenge; the metadata lives at the root. */
    @Test
    void case16MissingChallengeIsAnErrorAndShowsWhereTheMetadataLives() {
        try (CaseServer auth = new CaseServer();
                CaseServer s = new CaseServer()) {
            auth.on(
                    "GET",
                    "/.well-known/oauth-authorization-server/realms/main",
                    Reply.json(GOOD_AS.replace("\"{origin}\"", "\"{origin}/realms/main\"")));
            s.on("POST", "/mcp", Reply.status(401, "Content-Type", "application/json"))
                    .on(
                            "GET",
                            "/.well-known/oauth-protected-resource",
                            Reply.json(
                                    "{\"resource\":\"{origin}/mcp\",\"authorization_servers\":"
                                            + "[\""
                                            + auth.origin()
                                            + "/realms/main\"]}"));

            Report r = discover(s.url("/mcp"));

            assertEquals(ExitCode.CHECKS_FAILED, r.run().exitCode());
            JsonNode missing = r.finding("no-challenge");
            assertEquals("error", missing.get("severity").asText());
            assertTrue(
                    missing.get("message")
                            .asText()
                            .startsWith("401 carries no WWW-Authenticate challenge"));
            String found = r.finding("prm-found").get("message").asText();
            assertTrue(found.contains(s.origin() + "/.well-known/oauth-protected-resource"));
            assertTrue(found.contains(auth.origin() + "/realms/main"), found);
        }
    }

    /** Case 20 A: PKCE methods not advertised. */
    @Test
    void case20aMissingPkceMethodsIsAnErrorNamingWhoRefuses() {
        JsonNode variant = Cases.json("20-pkce-not-advertised.json").get("variant_A_missing");
        try (CaseServer s = goodServer()) {
            s.on(
                    "GET",
                    "/.well-known/oauth-authorization-server",
                    Reply.json(variant.get("as_metadata").toString()));

            Report r = discover(s.url("/mcp"));

            assertEquals(ExitCode.CHECKS_FAILED, r.run().exitCode());
            String message = r.finding("pkce-not-advertised").get("message").asText();
            assertTrue(
                    message.startsWith(
                            "code_challenge_methods_supported absent -> MCP 2025-11-25"
                                    + " clients must refuse"),
                    message);
            assertTrue(message.contains("Refused by: [spec]"), message);
            assertTrue(message.contains("proceeding anyway: [vscode-1.105"), message);
            assertEquals("fails at authorization-server", r.outcome("spec"));
        }
    }

    /** Case 20 B: plain advertised next to S256. */
    @Test
    void case20bPlainIsAWarning() {
        JsonNode variant = Cases.json("20-pkce-not-advertised.json").get("variant_B_plain_allowed");
        String doc =
                variant.get("as_metadata")
                        .toString()
                        .replace("https://api.example.com", "{origin}");
        try (CaseServer s = goodServer()) {
            s.on("GET", "/.well-known/oauth-authorization-server", Reply.json(doc));

            Report r = discover(s.url("/mcp"));

            assertEquals("warning", r.finding("pkce-plain").get("severity").asText());
            assertFalse(r.ids("error").contains("pkce-no-s256"));
        }
    }
}
