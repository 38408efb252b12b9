package dev.mcpauth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mcpauth.token.Secrets;
import dev.mcpauth.token.TokenFormat;
import org.junit.jupiter.api.Test;

/** Secrets become placeholders, one value one placeholder, and nothing else changes. */
class RedactorTest {

    final Redactor redactor = new Redactor(false);

    @Test
    void givesTheSameTokenTheSamePlaceholderEverywhere() {
        String token = TokenFormat.INSTANCE.mint(1796300000000L);
        String other = TokenFormat.OPAQUE.mint(1L);

        String a = redactor.redact("Authorization: Bearer " + token);
        String b = redactor.redact("{\"access_token\":\"" + token + "\",\"x\":\"" + other + "\"}");

        assertEquals("Authorization: Bearer 1796300000000.<token-1>", a);
        assertEquals("{\"access_token\":\"1796300000000.<token-1>\",\"x\":\"<secret-1>\"}", b);
    }

    @Test
    void replacesCodesVerifiersAndSecretsInUrlsAndForms() {
        String code = Secrets.randomUrlSafe(32);
        String verifier = Secrets.randomUrlSafe(32);

        String s =
                redactor.redact(
                        "http://127.0.0.1:33418/?code="
                                + code
                                + "&state=s1 grant_type=authorization_code&code="
                                + code
                                + "&code_verifier="
                                + verifier
                                + "&client_secret=hunter2hunter2");

        assertFalse(s.contains(code));
        assertFalse(s.contains(verifier));
        assertFalse(s.contains("hunter2"));
        assertEquals(2, s.split("<code-1>", -1).length - 1, s);
    }

    @Test
    void replacesJwtsEmailsAndUserNamesInPaths() {
        String s =
                redactor.redact(
                        "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln jane.doe@example.com"
                                + " /home/jane/.vscode C:\\Users\\jane\\AppData /Users/jane/x");

        assertEquals(
                "<token-1> <email-1> /home/<user-1>/.vscode C:\\Users\\<user-1>\\AppData"
                        + " /Users/<user-1>/x",
                s);
    }

    @Test
    void leavesFingerprintsInstanceIdsClientIdsAndWordsAlone() {
        String line =
                "authz endpoint=mcp client=KzNVByy-Bd1lezkwHmnqew outcome=deny"
                        + " reason=invalid_token token=fp:780800981291 (instance 1796300000000)"
                        + " 01-vscode-restart-same-scope-no-reauth.txt a bearer token was sent";

        assertEquals(line, redactor.redact(line));
    }

    @Test
    void redactsHostsOnlyWhenAskedAndKeepsLoopbackAndPublicOnes() {
        String line =
                "https://mcp.corp.internal/mcp http://localhost:3000/mcp https://vscode.dev/r";
        assertEquals(line, redactor.redact(line));

        Redactor hosts = new Redactor(true);
        String s = hosts.redact(line + " https://mcp.corp.internal/.well-known/x");

        assertEquals(
                "https://host-1.example/mcp http://localhost:3000/mcp https://vscode.dev/r"
                        + " https://host-1.example/.well-known/x",
                s);
    }

    @Test
    void leavesVsCodesHiddenAuthorizationAlone() {
        String line =
                "{\"Authorization\":\"***\"} WWW-Authenticate: Bearer resource_metadata=\"x\"";
        assertEquals(line, redactor.redact(line));
    }
}
