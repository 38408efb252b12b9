package dev.mcpauth.server.http;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * How many TCP connections the server holds at once. Helidon closes its listener for good when
 * accept fails for want of file descriptors, so clients that open connections and never finish a
 * request (slowloris) would leave a live process that refuses every connection. Below the limit the
 * listener waits for a free slot instead, and serves again once connections close.
 */
public final class ConnectionLimit {

    static final int CEILING = 10_000;

    private ConnectionLimit() {}

    /**
     * Half the process's file descriptor limit, so the store and logs keep theirs; at most 10 000.
     */
    public static int forThisProcess() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
            return (int) Math.max(16, Math.min(CEILING, os.getMaxFileDescriptorCount() / 2));
        }
        return CEILING;
    }
}
