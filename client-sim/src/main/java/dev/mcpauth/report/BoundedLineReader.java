package dev.mcpauth.report;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@link #MAX_LINE} characters, so that a file without line breaks cannot
 * fill the memory; the rest of a longer line is skipped and counted.
 */
final class BoundedLineReader {

    static final int MAX_LINE = 256 * 1024;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int pos;
    private int end;
    private long lineNumber;
    private long cutLines;

    BoundedLineReader(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the input. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        while (true) {
            if (pos == end && !fill()) {
                if (line.isEmpty() && !cut) {
                    return null;
                }
                return finish(line, cut);
            }
            char c = buffer[pos++];
            if (c == '\n') {
                return finish(line, cut);
            }
            if (line.length() < MAX_LINE) {
                line.append(c);
            } else {
                cut = true;
            }
        }
    }

    long lineNumber() {
        return lineNumber;
    }

    long cutLines() {
        return cutLines;
    }

    private String finish(StringBuilder line, boolean cut) {
        lineNumber++;
        if (cut) {
            cutLines++;
        }
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        return line.toString();
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
