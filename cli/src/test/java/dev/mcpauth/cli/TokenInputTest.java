package dev.mcpauth.cli;

import static dev.mcpauth.cli.TokenFixtures.CASE_06_TOKEN;
import static dev.mcpauth.cli.TokenFixtures.read;
import static dev.mcpauth.cli.TokenFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.cli.CliTest.Run;
import dev.mcpauth.token.Secrets;
import dev.mcpauth.token.TokenFormat;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code mcpauth token decode}: what it reads as a token, and opaque tokens. */
class TokenInputTest {

    @Test
    void acceptsAWholeAuthorizationHeaderLine() {
        Run run = run("token", "decode", "Authorization: Bearer " + CASE_06_TOKEN);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("kind:         jwt"), run.out());
    }

    @Test
    void readsTheTokenFromStdinWithADash() {
        InputStream saved = System.in;
        try {
            System.setIn(
                    new ByteArrayInputStream(
                            ("Bearer " + CASE_06_TOKEN + "\n").getBytes(StandardCharsets.UTF_8)));
            Run run = run("token", "decode", "-", "--json");

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("\"kind\" : \"jwt\""), run.out());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void neverPrintsTheWholeTokenUnlessRevealed() {
        Run hidden = run("token", "decode", CASE_06_TOKEN, "--json");
        Run shown = run("token", "decode", CASE_06_TOKEN, "--reveal");

        assertFalse(hidden.out().contains(CASE_06_TOKEN));
        assertTrue(hidden.out().contains(Secrets.fingerprint(CASE_06_TOKEN)));
        assertTrue(shown.out().contains(CASE_06_TOKEN));
    }

    @Test
    void anEmptyTokenIsAUsageErrorWithOneLine() {
        Run run = run("token", "decode", "Bearer ");

        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void tooManyDotsIsAUsageError() {
        Run run = run("token", "decode", "a.b.c.d");

        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("4 dot-separated parts"), run.err());
    }

    @Test
    void badBase64InAJwtIsAUsageError() {
        Run run = run("token", "decode", "eyJhbGciOiJub25lIn0.%%%%.sig");

        assertEquals(ExitCode.USAGE, run.exitCode());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aJwtWithAHeaderThatIsNotBase64IsAUsageError() {
        Run run = run("token", "decode", "!!!.abc.def");

        assertEquals(ExitCode.USAGE, run.exitCode());
    }

    @Test
    void reportsLengthAlphabetEntropyAndIntrospection() {
        Run run = run("token", "decode", TokenFormat.OPAQUE.mint(0), "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode opaque = read(run.out()).get("opaque");
        assertEquals("hex", opaque.get("alphabet").asText());
        assertEquals(256, opaque.get("estimated_entropy_bits").asInt(), run.out());
        assertTrue(run.out().contains("RFC 7662"), run.out());
    }
}
