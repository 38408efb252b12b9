package dev.mcpauth.client.trace;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What one simulated client did, in order: its log lines and its HTTP exchanges. */
public final class Trace {

    private final List<TraceEvent> events = new ArrayList<>();
    private final Clock clock;
    private String phase = "connect";
    private Consumer<TraceEvent> listener = e -> {};

    public Trace() {
        this(Clock.systemUTC());
    }

    public Trace(Clock clock) {
        this.clock = clock;
    }

    /** Streams every event as it happens, for live output. */
    public synchronized void onEvent(Consumer<TraceEvent> listener) {
        this.listener = listener;
    }

    public synchronized void phase(String name) {
        phase = name;
    }

    public synchronized String phase() {
        return phase;
    }

    public synchronized void log(TraceEvent.Level level, String message) {
        add(new TraceEvent(clock.instant(), phase, level, message, null));
    }

    public synchronized void record(HttpExchange exchange) {
        add(new TraceEvent(exchange.start(), phase, TraceEvent.Level.TRACE, null, exchange));
    }

    public synchronized List<TraceEvent> events() {
        return List.copyOf(events);
    }

    /** The exchanges of one phase. */
    public synchronized List<HttpExchange> exchanges(String phaseName) {
        return events.stream()
                .filter(e -> e.exchange() != null && e.phase().equals(phaseName))
                .map(TraceEvent::exchange)
                .toList();
    }

    private void add(TraceEvent event) {
        events.add(event);
        listener.accept(event);
    }
}
