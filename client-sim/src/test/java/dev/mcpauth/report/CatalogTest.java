package dev.mcpauth.report;

import static dev.mcpauth.report.Logs.READY_A;
import static dev.mcpauth.report.Logs.READY_B;
import static dev.mcpauth.report.Logs.authz;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each known problem, recognized from the lines that show it, and not from lines that do not. */
class CatalogTest {

    static final String GIVE_UP =
            "2026-12-03 10:05:02.000 [info] Connection state: Error 401 status sending message to"
                    + " http://localhost:3000/mcp: {\"error\":\"invalid_token\"}\n"
                    + "2026-12-03 10:05:02.001 [error] Server exited before responding to"
                    + " `initialize` request.\n";

    @Nested
    class StaleToken {

        static final String SERVER =
                READY_A
                        + authz(
                                "10:00:10.000",
                                "INFO ",
                                "endpoint=token client=c1 outcome=allow"
                                        + " reason=authorization_code token=fp:aaaaaaaaaaaa")
                        + READY_B
                        + authz(
                                "10:05:01.000",
                                "WARNING",
                                "endpoint=mcp outcome=deny reason=invalid_token"
                                        + " token=fp:aaaaaaaaaaaa detail=\"the access token is not"
                                        + " known to this server\"");

        @Test
        void aSqliteServerRejectingATokenItNeverIssuedIsNoStaleToken() {
            // A made-up token after a restart of a server that keeps its state: the rejection is
            // right, and nothing was forgotten.
            String log =
                    READY_A.replace("store memory (forgotten on restart)", "store sqlite /d/m.db")
                            + READY_B.replace(
                                    "store memory (forgotten on restart)", "store sqlite /d/m.db")
                            + authz(
                                    "10:05:01.000",
                                    "WARNING",
                                    "endpoint=mcp outcome=deny reason=invalid_token"
                                            + " token=fp:bbbbbbbbbbbb");

            assertEquals(List.of(), Logs.ids(Logs.report("server.log", log)));
        }

        @Test
        void joinsTheServersRestartWithTheClientGivingUp() {
            Report r = Logs.report("server.log", SERVER, "vscode.log", GIVE_UP);

            assertEquals(List.of("stale-token-after-restart"), Logs.ids(r));
            Diagnosis d = r.diagnoses().get(0);
            assertTrue(
                    d.evidence().stream()
                            .anyMatch(
                                    e ->
                                            e.note()
                                                    .equals(
                                                            "token issued by instance"
                                                                    + " 1796300000000 rejected by"
                                                                    + " 1796300300000")));
            assertEquals("unknown-version", d.fixStatus());
        }

        @Test
        void isNotReportedWhenTheClientRegistersAgain() {
            String recovered =
                    SERVER
                            + authz(
                                    "10:05:02.000",
                                    "INFO ",
                                    "endpoint=register client=c2"
                                            + " outcome=allow reason=registered");

            assertEquals(List.of(), Logs.ids(Logs.report("server.log", recovered)));
        }

        @Test
        void isNotReportedWhenVsCode106RetriesWithANewRegistration() {
            String log =
                    "[debug] Received 401 status with Authorization header, retrying with new auth"
                            + " registration. Error details: no additional details\n";

            assertEquals(List.of(), Logs.ids(Logs.report("server.log", SERVER, "vscode.log", log)));
        }

        @Test
        void anInfoLevelVsCodeLogAloneIsEnough() {
            Report r = Logs.report("vscode.log", GIVE_UP);

            assertEquals(List.of("stale-token-after-restart"), Logs.ids(r));
            assertTrue(r.diagnoses().get(0).verdict().contains("info-level"));
        }

        @Test
        void aClientThatHasTheFixAndStillFailsIsARegression() {
            String log =
                    "[trace] Fetching http://localhost:3000/mcp with options: {\"method\":\"POST\","
                            + "\"headers\":{\"Authorization\":\"***\",\"user-agent\":\"Visual"
                            + " Studio Code/1.107.0\"}}\n"
                            + "[trace] Fetched http://localhost:3000/mcp: {\"status\":401,"
                            + "\"headers\":{}}\n"
                            + GIVE_UP;

            Diagnosis d = Logs.report("vscode.log", log).diagnoses().get(0);

            assertEquals("regression", d.fixStatus());
        }
    }

    @Nested
    class StaleClient {

        @Test
        void anUnknownClientAtAuthorizeAfterARestart() {
            String log =
                    READY_A
                            + READY_B
                            + authz(
                                    "10:05:03.000",
                                    "WARNING",
                                    "endpoint=authorize client=c1 outcome=deny"
                                        + " reason=invalid_client detail=\"No client with id 'c1'"
                                        + " is registered here.\"");

            Report r = Logs.report("server.log", log);

            assertEquals(List.of("stale-client-registration"), Logs.ids(r));
            assertEquals(Fault.SERVER, r.diagnoses().get(0).fault());
        }
    }

    @Nested
    class RefreshLoop {

        @Test
        void aRefreshedTokenRejectedTwiceIsALoop() {
            StringBuilder log = new StringBuilder(READY_A);
            for (String fp : List.of("fp:111111111111", "fp:222222222222")) {
                log.append(
                                authz(
                                        "10:00:01.000",
                                        "INFO ",
                                        "endpoint=token client=c1"
                                                + " outcome=allow reason=refresh_token token="
                                                + fp))
                        .append(
                                authz(
                                        "10:00:02.000",
                                        "WARNING",
                                        "endpoint=mcp outcome=deny"
                                                + " reason=invalid_token token="
                                                + fp));
            }

            Report r = Logs.report("server.log", log.toString());

            assertEquals(List.of("refreshed-token-rejected"), Logs.ids(r));
            assertTrue(r.diagnoses().get(0).verdict().contains("2 times (a loop)"));
        }
    }

    @Nested
    class MissingResourceOnTheServer {

        @Test
        void anAuthorizationGrantedWithoutResource() {
            String log =
                    READY_A
                            + authz(
                                    "10:00:01.000",
                                    "INFO ",
                                    "endpoint=authorize client=c1"
                                            + " outcome=allow reason=auto_approved_without_resource"
                                            + " token=fp:333333333333");

            assertEquals(
                    List.of("no-resource-parameter"), Logs.ids(Logs.report("server.log", log)));
        }
    }

    @Nested
    class Registration {

        @Test
        void aRegistrationRefusedOverItsAuthMethod() {
            String log =
                    READY_A
                            + authz(
                                    "10:00:01.000",
                                    "WARNING",
                                    "endpoint=register outcome=deny reason=invalid_client_metadata"
                                            + " detail=\"token_endpoint_auth_method"
                                            + " 'client_secret_basic' is not supported\"");

            assertEquals(
                    List.of("registration-auth-method-rejected"),
                    Logs.ids(Logs.report("server.log", log)));
        }

        @Test
        void aLoopbackRedirectRefusedForItsPort() {
            String log =
                    READY_A
                            + authz(
                                    "10:00:01.000",
                                    "WARNING",
                                    "endpoint=authorize client=c1 outcome=deny"
                                            + " reason=redirect_uri_mismatch detail=\"redirect_uri"
                                            + " 'http://127.0.0.1:59656/' is not one that client c1"
                                            + " registered: [http://127.0.0.1:33418/].\"");

            assertEquals(
                    List.of("loopback-redirect-port"), Logs.ids(Logs.report("server.log", log)));
        }
    }

    @Nested
    class Metadata {

        @Test
        void anIssuerThatDiffersFromTheAuthorizationServerUrl() {
            String capture =
                    "{\"mcp_url\":\"https://h/mcp\",\"protected_resource_metadata\":{\"resource\":"
                            + "\"https://h/mcp\",\"authorization_servers\":[\"https://as\"]},"
                            + "\"authorization_server_metadata\":{\"issuer\":\"https://as/\","
                            + "\"code_challenge_methods_supported\":[\"S256\"]}}";

            assertEquals(List.of("issuer-mismatch"), Logs.ids(Logs.report("c.json", capture)));
        }

        @Test
        void pkceNotAdvertised() {
            String capture =
                    "{\"mcp_url\":\"https://h/mcp\",\"protected_resource_metadata\":{\"resource\":"
                            + "\"https://h/mcp\",\"authorization_servers\":[\"https://as\"]},"
                            + "\"authorization_server_metadata\":{\"issuer\":\"https://as\"}}";

            Report r = Logs.report("c.json", capture);

            assertEquals(List.of("pkce-not-advertised"), Logs.ids(r));
            assertTrue(r.diagnoses().get(0).verdict().contains("is missing"));
        }
    }

    @Nested
    class DiscoverSnapshot {

        /** The shape {@code discover --save} writes (snake_case members of its report). */
        static final String SNAPSHOT =
                "{\"url\":\"https://mcp.example.com/mcp/\",\"checked_at\":\"2026-12-03T10:00:00Z\","
                        + "\"resource_metadata_url\":\"https://mcp.example.com/.well-known/"
                        + "oauth-protected-resource/mcp/\",\"resource_metadata\":{\"resource\":"
                        + "\"https://mcp.example.com/mcp\",\"authorization_servers\":"
                        + "[\"https://auth.example.com\"]},\"authorization_server\":"
                        + "\"https://auth.example.com\",\"authorization_server_metadata\":"
                        + "{\"issuer\":\"https://auth.example.com\","
                        + "\"code_challenge_methods_supported\":[\"S256\"]},\"probes\":[{\"step\":"
                        + "\"CHALLENGE\",\"purpose\":\"initialize without a token\",\"method\":"
                        + "\"POST\",\"url\":\"https://mcp.example.com/mcp/\",\"status\":401,"
                        + "\"millis\":12}],\"findings\":[{\"id\":\"no-challenge\",\"severity\":"
                        + "\"ERROR\",\"step\":\"CHALLENGE\",\"message\":\"401 carries no"
                        + " WWW-Authenticate challenge\"}],\"clients\":[]}";

        @Test
        void readsTheDocumentsAndTheChallengeOfASavedSnapshot() {
            Report r = Logs.report("before.json", SNAPSHOT);

            assertEquals("discover --save snapshot", r.inputs().get(0).format());
            assertEquals(
                    List.of("resource-metadata-mismatch", "401-without-challenge"), Logs.ids(r));
        }
    }

    @Nested
    class NoKnownPattern {

        @Test
        void aHealthyLogHasNoDiagnosisButATimeline() {
            String log =
                    READY_A
                            + authz(
                                    "10:00:01.000",
                                    "INFO ",
                                    "endpoint=register client=c1"
                                            + " outcome=allow reason=registered");

            Report r = Logs.report("server.log", log);

            assertEquals(List.of(), Logs.ids(r));
            assertEquals(2, r.timeline().entries().size());
        }
    }
}
