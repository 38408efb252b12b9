package dev.mcpauth.client.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventsTest {

    @Test
    void readsEachEventsDataJoiningMultipleDataLines() {
        String stream = "id: 1\r\ndata:\r\n\r\nevent: message\r\ndata: {\"a\":\r\ndata: 1}\r\n\r\n";

        assertEquals(List.of("{\"a\":\n1}"), SseEvents.data(stream));
    }

    @Test
    void aFinalEventWithoutABlankLineStillCounts() {
        assertEquals(List.of("x", "y"), SseEvents.data("data: x\n\ndata: y"));
    }
}
