package dev.mcpauth.server;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One start of a server. Its id is the start time in epoch milliseconds, the prefix of every
 * instance-format token it issues; ids only grow, even for restarts within one millisecond.
 */
public record ServerInstance(long id) {

    private static final AtomicLong LAST = new AtomicLong();

    public static ServerInstance start() {
        long now = System.currentTimeMillis();
        return new ServerInstance(LAST.updateAndGet(last -> Math.max(now, last + 1)));
    }

    public Instant startedAt() {
        return Instant.ofEpochMilli(id);
    }

    /** The extra scope of the dynamic-scope workaround. */
    public String scope() {
        return "server-instance-" + id;
    }
}
