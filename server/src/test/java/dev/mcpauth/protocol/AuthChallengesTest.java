package dev.mcpauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading WWW-Authenticate as RFC 9110 section 11.6.1 writes it, including its sloppier variants.
 */
class AuthChallengesTest {

    @Test
    void readsQuotedParametersWithEscapes() {
        BearerChallenge c =
                BearerChallenge.parse(
                                "Bearer resource_metadata=\"https://h/x\", scope=\"a b\","
                                        + " error=\"invalid_token\", error_description=\"say"
                                        + " \\\"hi\\\"\"")
                        .orElseThrow();

        assertEquals("https://h/x", c.resourceMetadata());
        assertEquals("a b", c.scope());
        assertEquals("say \"hi\"", c.errorDescription());
    }

    @Test
    void toleratesWhitespaceTokensAndSchemeCase() {
        BearerChallenge c =
                BearerChallenge.parse(
                                "bearer   scope=mcp ,resource_metadata = " + "\"https://h/x\"")
                        .orElseThrow();

        assertEquals("mcp", c.scope());
        assertEquals("https://h/x", c.resourceMetadata());
    }

    @Test
    void keepsAParameterGivenTwice() {
        List<AuthChallenges.Challenge> all =
                AuthChallenges.parse("Bearer scope=\"a\", scope=\"b\", Basic realm=\"r\"");

        assertEquals(2, all.size());
        assertEquals(2, all.get(0).count("scope"));
        assertEquals("Basic", all.get(1).scheme());
        assertEquals("r", all.get(1).first("realm"));
    }

    @Test
    void roundTripsWhatTheServerWrites() {
        BearerChallenge written =
                BearerChallenge.of("https://h/.well-known/x", "mcp mcp:audit")
                        .withError("insufficient_scope", "needs \"mcp:audit\"");

        assertEquals(written, BearerChallenge.parse(written.toHeaderValue()).orElseThrow());
        assertNull(BearerChallenge.of("u", "s").error());
    }
}
