package dev.mcpauth.client.mcp;

import java.util.ArrayList;
import java.util.List;

/** The data of each event in a {@code text/event-stream} body (HTML Living Standard, 9.2.6). */
final class SseEvents {

    private SseEvents() {}

    static List<String> data(String stream) {
        List<String> events = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        for (String line : stream.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    events.add(data.toString());
                    data.setLength(0);
                }
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                String value = line.substring(5);
                data.append(value.startsWith(" ") ? value.substring(1) : value);
            }
        }
        if (data.length() > 0) {
            events.add(data.toString());
        }
        return events;
    }
}
