package dev.mcpauth.report;

import java.util.List;

/** Turns the lines of one input, in order, into events. Unrecognized lines give no event. */
interface LineParser {

    /** The events of one line; empty when the line is not one this format knows. */
    List<Event> parse(String line, long number);

    /** Events still held back at the end of the input (a request whose response never came). */
    default List<Event> finish() {
        return List.of();
    }
}
