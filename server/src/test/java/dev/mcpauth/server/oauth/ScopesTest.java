package dev.mcpauth.server.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopesTest {

    @ParameterizedTest(name = "''{0}'' covers ''{1}'': {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "mcp            | mcp           | true",
                "mcp mcp:audit  | mcp:audit     | true",
                "mcp:audit mcp  | mcp           | true",
                "mcp:audit      | mcp           | false",
                "xmcp mcpx      | mcp           | false",
                "mcpx mcp       | mcp           | true",
                "'  mcp  '      | mcp           | true",
                "''             | mcp           | false",
                "NULL           | mcp           | false",
                "mcp            | mcp mcp:audit | false",
                "mcp:audit mcp  | mcp mcp:audit | true",
            })
    void coversAgreesWithTheParsedSet(String scope, String needed, boolean expected) {
        List<String> wanted = List.of(needed.split(" "));
        assertEquals(expected, Scopes.covers(scope, wanted));
        assertEquals(expected, Scopes.parse(scope).containsAll(wanted));
    }
}
