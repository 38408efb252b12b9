package dev.mcpauth.report;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The merged story of every input, one entry per event, bounded: the first {@link #HEAD} and the
 * last {@link #TAIL} entries are kept and the ones between are counted. A client request is joined
 * to the server decision about the same token fingerprint, or, when the client's log hides its
 * tokens, to a decision on the same endpoint within {@link #JOIN_MILLIS}.
 */
public final class Timeline {

    static final int HEAD = 100;
    static final int TAIL = 300;
    static final long JOIN_MILLIS = 2000;

    /**
     * One line of the timeline; {@code joined} is where the matching line of the other party is.
     */
    public record Entry(
            Instant at, String source, long line, Event.Party party, String what, String joined) {}

    private static final class Pending {
        final Event event;
        final String what;
        String joined;

        Pending(Event event, String what) {
            this.event = event;
            this.what = what;
        }

        Entry entry() {
            return new Entry(event.at(), event.source(), event.line(), event.party(), what, joined);
        }
    }

    private final List<Pending> head = new ArrayList<>();
    private final Deque<Pending> tail = new ArrayDeque<>();
    private long omitted;

    void add(Event e) {
        Pending p = new Pending(e, describe(e));
        join(p);
        if (head.size() < HEAD) {
            head.add(p);
            return;
        }
        tail.addLast(p);
        if (tail.size() > TAIL) {
            tail.removeFirst();
            omitted++;
        }
    }

    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        head.forEach(p -> all.add(p.entry()));
        tail.forEach(p -> all.add(p.entry()));
        return all;
    }

    /** Entries left out between the first and the last ones kept. */
    public long omitted() {
        return omitted;
    }

    /** Index in {@link #entries()} after which the omitted entries were. */
    public int omittedAfter() {
        return head.size();
    }

    private void join(Pending p) {
        Event e = p.event;
        if (e.kind() != Event.Kind.EXCHANGE && e.kind() != Event.Kind.DECISION) {
            return;
        }
        for (Iterator<Pending> it = recent(); it.hasNext(); ) {
            Pending other = it.next();
            if (other.event.party() != e.party()
                    && other.joined == null
                    && matches(e, other.event)) {
                other.joined = e.location();
                p.joined = other.event.location();
                return;
            }
        }
    }

    private Iterator<Pending> recent() {
        List<Pending> window = new ArrayList<>();
        Iterator<Pending> back = tail.descendingIterator();
        while (back.hasNext() && window.size() < 32) {
            window.add(back.next());
        }
        for (int i = head.size() - 1; i >= 0 && window.size() < 32; i--) {
            window.add(head.get(i));
        }
        return window.iterator();
    }

    private static boolean matches(Event a, Event b) {
        Event client = a.party() == Event.Party.CLIENT ? a : b;
        Event server = a.party() == Event.Party.SERVER ? a : b;
        if (client.kind() != Event.Kind.EXCHANGE || server.kind() != Event.Kind.DECISION) {
            return false;
        }
        String fp = client.field("token");
        if (fp != null && fp.equals(server.field("token"))) {
            return true;
        }
        if (client.at() == null || server.at() == null || fp != null) {
            return false;
        }
        long apart = Math.abs(client.at().toEpochMilli() - server.at().toEpochMilli());
        boolean denied = Detector.rejected(client) && server.has("outcome", "deny");
        return apart <= JOIN_MILLIS
                && denied
                && Detector.isMcp(client)
                && server.has("endpoint", "mcp");
    }

    static String describe(Event e) {
        return switch (e.kind()) {
            case EXCHANGE -> exchange(e);
            case DECISION ->
                    "decision: "
                            + e.field("endpoint")
                            + " "
                            + e.field("outcome")
                            + " "
                            + e.field("reason")
                            + (e.field("token") != null ? " " + e.field("token") : "")
                            + (e.field("client") != null ? " client " + e.field("client") : "");
            case SERVER_START ->
                    "server instance "
                            + e.field("instance")
                            + " ready"
                            + (e.field("store") != null ? " (store " + e.field("store") + ")" : "");
            case SERVER_STOP -> "server instance " + e.field("instance") + " stopped";
            case RESTART ->
                    "server restarted: instance "
                            + e.field("from_instance")
                            + " -> "
                            + e.field("instance");
            case DOCUMENT -> "captured " + e.field("document");
            case MESSAGE -> e.message();
        };
    }

    private static String exchange(Event e) {
        StringBuilder s = new StringBuilder();
        s.append(e.field("method") == null ? "GET" : e.field("method"))
                .append(' ')
                .append(e.field("url") != null ? e.field("url") : e.field("endpoint"));
        if (e.authorizationSent()) {
            s.append(" with token").append(e.field("token") != null ? " " + e.field("token") : "");
        }
        if (e.field("status") != null) {
            s.append(" -> ").append(e.field("status"));
        }
        if (e.has("challenge", "absent") && Detector.rejected(e)) {
            s.append(" (no WWW-Authenticate)");
        } else if (e.field("scope") != null && Detector.rejected(e)) {
            s.append(" (scope \"").append(e.field("scope")).append("\")");
        }
        return s.toString();
    }
}
