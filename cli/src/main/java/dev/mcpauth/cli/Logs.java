package dev.mcpauth.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes {@code System.Logger} output (JUL underneath) to stderr as one line per record: {@code
 * 2026-12-03T16:36:49.123Z INFO mcpauth.authz authz endpoint=token ...}. That is the format {@code
 * mcpauth report} reads.
 */
final class Logs {

    private Logs() {}

    static void configure(boolean verbose) {
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new OneLine());
        install(handler, verbose);
    }

    /** The same lines, each handed to {@code sink} (the shell prints them above its prompt). */
    static void configure(boolean verbose, Consumer<String> sink) {
        Handler handler =
                new Handler() {
                    @Override
                    public void publish(LogRecord r) {
                        if (isLoggable(r)) {
                            sink.accept(getFormatter().format(r).stripTrailing());
                        }
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        handler.setFormatter(new OneLine());
        install(handler, verbose);
    }

    private static void install(Handler handler, boolean verbose) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.WARNING);
        CONFIGURED.clear();
        configure("mcpauth", verbose ? Level.FINE : Level.INFO);
        configure("io.helidon", verbose ? Level.INFO : Level.WARNING);
        // A failed start is reported once, as the command's own one-line message.
        configure("io.helidon.webserver.LoomServer", verbose ? Level.INFO : Level.OFF);
    }

    /**
     * JUL holds loggers weakly: a level set on a logger nobody references is lost when it is
     * collected, so the configured loggers are kept here.
     */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private static void configure(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        CONFIGURED.add(logger);
    }

    /** Milliseconds always shown, so every line has the same width up to the level. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    /** One record, one line; a throwable follows on the next lines. */
    static final class OneLine extends Formatter {

        @Override
        public String format(LogRecord r) {
            String level =
                    switch (r.getLevel().getName()) {
                        case "SEVERE" -> "ERROR";
                        case "FINE", "FINER", "FINEST" -> "DEBUG";
                        default -> r.getLevel().getName();
                    };
            StringBuilder line =
                    new StringBuilder()
                            .append(TIMESTAMP.format(Instant.ofEpochMilli(r.getMillis())))
                            .append(' ')
                            .append(String.format("%-5s", level))
                            .append(' ')
                            .append(r.getLoggerName())
                            .append(' ')
                            .append(formatMessage(r))
                            .append(System.lineSeparator());
            if (r.getThrown() != null) {
                line.append(r.getThrown()).append(System.lineSeparator());
            }
            return line.toString();
        }
    }
}
