package dev.mcpauth.cli;

import java.util.logging.LogManager;

/**
 * The JDK's log manager, except that it keeps its handlers while the JVM shuts down. The JDK resets
 * logging from a shutdown hook of its own, which may run before the server's hook, so the server's
 * last line ("instance N stopped") was lost on SIGTERM. Installed by {@link Main} through the
 * {@code java.util.logging.manager} property; the console handler flushes every record, so nothing
 * is left to flush at exit.
 */
public final class ShutdownLogManager extends LogManager {

    /** The JDK's own hook is a thread of this class. */
    private static final String CLEANER = LogManager.class.getName() + "$Cleaner";

    public ShutdownLogManager() {
        super();
    }

    @Override
    public void reset() {
        if (Thread.currentThread().getClass().getName().equals(CLEANER)) {
            return;
        }
        super.reset();
    }
}
