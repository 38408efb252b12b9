package dev.mcpauth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The shared field cases read by the report; each expected value is the case's own verdict. */
class ReportFieldCasesTest {

    static Report report(String... cases) {
        List<LogInput> inputs =
                java.util.Arrays.stream(cases)
                        .map(
                                name -> {
                                    InputStream in =
                                            ReportFieldCasesTest.class.getResourceAsStream(
                                                    "/cases/" + name);
                                    return LogInput.read(name, in);
                                })
                        .toList();
        try {
            return new Reporter("test").analyze(inputs);
        } finally {
            inputs.forEach(LogInput::close);
        }
    }

    static Diagnosis only(Report report) {
        assertEquals(1, report.diagnoses().size(), () -> report.diagnoses().toString());
        return report.diagnoses().get(0);
    }

    @Nested
    class Case01StaleTokenAfterRestart {

        final Diagnosis d = only(report("01-vscode-restart-same-scope-no-reauth.txt"));

        @Test
        void saysTheClientDidNotReauthenticateAfterTheRestart() {
            assertEquals("stale-token-after-restart", d.id());
            assertTrue(d.verdict().contains("401 returned while a bearer token was sent"));
            assertTrue(d.verdict().contains("challenge scope unchanged between attempts"));
            assertTrue(d.verdict().contains("no discovery, registration or authorization"));
            assertTrue(d.verdict().contains("client did not re-authenticate after the server"));
        }

        @Test
        void blamesTheClientAndNamesTheUpstreamFix() {
            assertEquals(Fault.CLIENT, d.fault());
            assertEquals("VS Code 1.106", d.fixedIn());
            assertTrue(d.references().contains("#270383"));
            assertTrue(d.references().contains("PR #270675"));
            assertEquals("VS Code", d.upstream().project());
        }

        @Test
        void citesTheRestartTheTwo401sAndTheGivingUp() {
            List<Long> lines = d.evidence().stream().map(Evidence::line).toList();
            assertEquals(List.of(8L, 9L, 10L, 11L), lines);
            assertTrue(d.evidence().get(1).note().contains("issued by instance instA"));
        }
    }

    @Nested
    class Case06NoResourceParameter {

        final Diagnosis d = only(report("06-missing-resource-aud-is-client-id.json"));

        @Test
        void saysBothRequestsLackResourceAndItIsAClientBug() {
            assertEquals("no-resource-parameter", d.id());
            assertTrue(
                    d.verdict()
                            .startsWith(
                                    "authorize and token requests carry no 'resource' parameter"
                                            + " although MCP 2025-06-18 requires it in both"));
            assertTrue(d.verdict().endsWith("a client-side bug, not a server misconfiguration"));
            assertEquals(Fault.CLIENT, d.fault());
        }

        @Test
        void showsTheTokenAudienceIsTheClientId() {
            assertTrue(d.verdict().contains("aud is 'mcp-client'"));
            assertTrue(d.evidence().stream().anyMatch(e -> e.note().contains("the client id")));
        }
    }

    @Nested
    class Case10ResourceTrailingSlash {

        final Diagnosis d = only(report("10-prm-resource-trailing-slash.log"));

        @Test
        void namesTheMismatchAndTheTrailingSlash() {
            assertEquals("resource-metadata-mismatch", d.id());
            assertTrue(d.verdict().startsWith("RFC 9728 section 3.3 resource mismatch"));
            assertTrue(
                    d.verdict()
                            .contains("the only difference is a trailing '/' on the configured"));
        }

        @Test
        void givesTheUserWorkaroundAndTheServerFix() {
            assertTrue(d.verdict().contains("drop the slash"));
            assertTrue(d.verdict().contains("Server fix: return a resource equal to the URL"));
            assertEquals(4L, d.evidence().get(0).line());
        }
    }

    @Nested
    class Case16MissingChallenge {

        final Diagnosis d = only(report("16-missing-www-authenticate.txt"));

        @Test
        void saysTheClientNeverLearnedTheAuthorizationServer() {
            assertEquals("401-without-challenge", d.id());
            assertTrue(d.verdict().contains("'Using default auth metadata'"));
            assertTrue(d.verdict().contains("client never learned the authorization server"));
            assertTrue(
                    d.verdict()
                            .contains(
                                    "check that the 401 keeps its WWW-Authenticate header through"
                                            + " proxies"));
        }

        @Test
        void pointsAtAuthorizeOnTheMcpOriginWhileMetadataNamesAnotherHost() {
            assertTrue(
                    d.verdict()
                            .contains(
                                    "/authorize went to the MCP origin mcp.example.com while the"
                                            + " resource metadata names"
                                            + " https://auth.example.com/realms/main"));
            assertEquals(Fault.PROXY, d.fault());
        }
    }
}
