package dev.mcpauth.check.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpauth.check.Exchange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeChecksTest {

    static Exchange unauthorized(String... challenges) {
        Map<String, List<String>> headers =
                challenges.length == 0 ? Map.of() : Map.of("www-authenticate", List.of(challenges));
        return new Exchange("POST", "https://h/mcp", 401, null, 1, null, headers, "", false);
    }

    static List<String> ids(ChallengeChecks.Result result) {
        return result.findings().stream().map(Finding::id).toList();
    }

    @Test
    void aCompleteChallengeHasNoFinding() {
        var result =
                ChallengeChecks.check(
                        unauthorized("Bearer resource_metadata=\"https://h/prm\", scope=\"mcp\""));

        assertEquals(List.of(), ids(result));
        assertEquals(List.of("https://h/prm"), result.resourceMetadataUrls());
        assertEquals("mcp", result.scope());
    }

    @Test
    void aMissingChallengeIsAnError() {
        var result = ChallengeChecks.check(unauthorized());

        assertEquals(List.of("no-challenge"), ids(result));
        assertEquals(Severity.ERROR, result.findings().get(0).severity());
    }

    @Test
    void aLowerCaseSchemeIsAWarningBecauseVsCodeMatchesExactly() {
        var result =
                ChallengeChecks.check(
                        unauthorized("bearer resource_metadata=\"https://h/prm\", scope=\"mcp\""));

        assertEquals(List.of("bearer-scheme-case"), ids(result));
    }

    @Test
    void aChallengeWithoutResourceMetadataOrScopeIsReported() {
        var result = ChallengeChecks.check(unauthorized("Bearer realm=\"x\""));

        assertEquals(List.of("no-resource-metadata-param", "no-scope-param"), ids(result));
    }

    @Test
    void anotherSchemeOnlyIsAnError() {
        assertEquals(
                List.of("no-bearer-challenge"),
                ids(ChallengeChecks.check(unauthorized("Basic realm=\"x\""))));
    }

    @Test
    void singleQuotedValuesAreReadTolerantly() {
        var result =
                ChallengeChecks.check(
                        unauthorized("Bearer resource_metadata='https://h/prm', scope=\"mcp\""));

        assertEquals(List.of("single-quotes"), ids(result));
        assertEquals(List.of("https://h/prm"), result.resourceMetadataUrls());
    }
}
