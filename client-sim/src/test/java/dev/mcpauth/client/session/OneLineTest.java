package dev.mcpauth.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a response body is quoted in a one-line failure. */
class OneLineTest {

    @Test
    void anHtmlErrorPageIsReducedToItsText() {
        String page =
                "<!DOCTYPE HTML>\n<html lang=\"en\"><head><title>Error response</title>"
                        + "<style>p { color: red }</style></head>\n<body><h1>Error response</h1>"
                        + "<p>Error code: 501</p></body></html>\n";

        assertEquals(
                "(HTML) Error response Error response Error code: 501", Connection.oneLine(page));
    }

    @Test
    void jsonKeepsItsTextOnOneLine() {
        assertEquals(
                "{ \"error\": \"invalid_token\" }",
                Connection.oneLine("{\n  \"error\": \"invalid_token\"\n}"));
    }
}
