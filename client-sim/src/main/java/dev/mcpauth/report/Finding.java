package dev.mcpauth.report;

import java.util.ArrayList;
import java.util.List;

/** What one detector found: the known problem, the verdict in one sentence, and its evidence. */
record Finding(KnownProblem problem, String verdict, List<Evidence> evidence) {

    static final int MAX_EVIDENCE = 12;

    /** Evidence collected while reading, at most {@link #MAX_EVIDENCE} lines. */
    static final class Collector {

        private final List<Evidence> lines = new ArrayList<>();

        void add(Event e, String note) {
            if (lines.size() < MAX_EVIDENCE) {
                lines.add(Evidence.of(e, note));
            }
        }

        boolean isEmpty() {
            return lines.isEmpty();
        }

        List<Evidence> lines() {
            return List.copyOf(lines);
        }
    }
}
