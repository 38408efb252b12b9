package dev.mcpauth.report;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One input of the report: a file or standard input, read once as a stream. The first bytes tell
 * whether it is text at all and which format it has; the events then come one line at a time, so
 * memory does not grow with the size of the log.
 */
public final class LogInput implements AutoCloseable, Iterator<Event> {

    private static final int SAMPLE = 64 * 1024;

    private final String name;
    private final InputStream in;
    private final LogFormat format;
    private final Deque<Event> ready = new ArrayDeque<>();
    private BoundedLineReader lines;
    private LineParser parser;
    private long recognized;
    private boolean finished;

    private LogInput(String name, InputStream in, LogFormat format) {
        this.name = name;
        this.in = in;
        this.format = format;
    }

    /** Opens a file, or standard input for {@code -}. */
    public static LogInput open(String argument, InputStream stdin) {
        if (argument.equals("-")) {
            return read("stdin", stdin);
        }
        Path path = Path.of(argument);
        if (Files.isDirectory(path)) {
            throw new ReportInputException(argument + " is a directory; name a log file");
        }
        try {
            return read(path.getFileName().toString(), argument, Files.newInputStream(path));
        } catch (NoSuchFileException e) {
            throw new ReportInputException("no such file: " + argument);
        } catch (IOException e) {
            throw new ReportInputException("cannot read " + argument + ": " + e.getMessage(), e);
        }
    }

    /** Sniffs the stream's first bytes and picks its format. */
    public static LogInput read(String name, InputStream raw) {
        return read(name, name, raw);
    }

    /**
     * As {@link #read(String, InputStream)}; {@code name} names the events' source, {@code shown}
     * (the path as the user gave it) the input in error messages.
     */
    private static LogInput read(String name, String shown, InputStream raw) {
        BufferedInputStream in = new BufferedInputStream(raw, SAMPLE + 1);
        try {
            in.mark(SAMPLE + 1);
            byte[] sample = in.readNBytes(SAMPLE);
            boolean complete = in.read() < 0;
            in.reset();
            String text = check(shown, sample);
            LogFormat format =
                    LogFormat.detect(text, complete)
                            .orElseThrow(
                                    () ->
                                            new ReportInputException(
                                                    shown
                                                            + " is not a log the report knows (VS"
                                                            + " Code's MCP output, mcpauth server"
                                                            + " log, client-sim trace or a"
                                                            + " transcript); check the file"));
            LogInput input = new LogInput(name, in, format);
            input.start();
            return input;
        } catch (IOException e) {
            close(raw);
            throw new ReportInputException("cannot read " + shown + ": " + e.getMessage(), e);
        } catch (ReportInputException e) {
            close(raw);
            throw e;
        }
    }

    private static String check(String name, byte[] sample) {
        if (sample.length == 0 || new String(sample, StandardCharsets.UTF_8).isBlank()) {
            throw new EmptyInputException(name + " is empty; pass the log you captured");
        }
        int control = 0;
        for (byte b : sample) {
            if (b == 0) {
                throw new ReportInputException(name + " is a binary file, not a text log");
            }
            if (b >= 0 && b < 32 && b != '\n' && b != '\r' && b != '\t' && b != 27 && b != 12) {
                control++;
            }
        }
        if (control > sample.length / 20) {
            throw new ReportInputException(name + " is a binary file, not a text log");
        }
        return new String(sample, StandardCharsets.UTF_8);
    }

    private void start() throws IOException {
        CharsetDecoder utf8 =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        InputStreamReader reader = new InputStreamReader(in, utf8);
        if (format == LogFormat.CAPTURED_DOCUMENTS || format == LogFormat.DISCOVER_SNAPSHOT) {
            byte[] all = in.readNBytes(CapturedDocuments.MAX_BYTES);
            ready.addAll(CapturedDocuments.read(name, new String(all, StandardCharsets.UTF_8)));
            recognized = ready.size();
            finished = true;
            return;
        }
        lines = new BoundedLineReader(reader);
        parser = format.parser(name);
    }

    public String name() {
        return name;
    }

    public LogFormat format() {
        return format;
    }

    /** Lines read so far, and of those, lines that gave an event. */
    public long linesRead() {
        return lines == null ? recognized : lines.lineNumber();
    }

    public long linesRecognized() {
        return recognized;
    }

    public long linesCut() {
        return lines == null ? 0 : lines.cutLines();
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !finished) {
            advance();
        }
        return !ready.isEmpty();
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.removeFirst();
    }

    private void advance() {
        try {
            String line = lines.readLine();
            if (line == null) {
                finished = true;
                ready.addAll(parser.finish());
                return;
            }
            List<Event> events = parser.parse(line, lines.lineNumber());
            if (!events.isEmpty()) {
                recognized++;
            }
            ready.addAll(events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        close(in);
    }

    private static void close(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Nothing was written; a failed close of an input loses nothing.
        }
    }
}
