package dev.mcpauth.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test inputs written inline, and the report over them. */
final class Logs {

    private Logs() {}

    static LogInput input(String name, String text) {
        return LogInput.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Event> events(String name, String text) {
        List<Event> events = new ArrayList<>();
        try (LogInput in = input(name, text)) {
            in.forEachRemaining(events::add);
        }
        return events;
    }

    /** The report over inputs given as name, text, name, text... */
    static Report report(String... nameAndText) {
        List<LogInput> inputs = new ArrayList<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            inputs.add(input(nameAndText[i], nameAndText[i + 1]));
        }
        try {
            return new Reporter("test").analyze(inputs);
        } finally {
            inputs.forEach(LogInput::close);
        }
    }

    static List<String> ids(Report report) {
        return report.diagnoses().stream().map(Diagnosis::id).toList();
    }

    static final String READY_A =
            "2026-12-03T10:00:00.000Z INFO  mcpauth.server mcpauth server ready at"
                    + " http://localhost:3000/mcp in 900 ms (instance 1796300000000, store memory"
                    + " (forgotten on restart): 0 clients, 0 active tokens)\n";
    static final String READY_B =
            "2026-12-03T10:05:00.000Z INFO  mcpauth.server mcpauth server ready at"
                    + " http://localhost:3000/mcp in 800 ms (instance 1796300300000, store memory"
                    + " (forgotten on restart): 0 clients, 0 active tokens)\n";

    static String authz(String time, String level, String rest) {
        return "2026-12-03T" + time + "Z " + level + " mcpauth.authz authz " + rest + "\n";
    }
}
