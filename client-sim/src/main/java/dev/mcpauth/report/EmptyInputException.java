package dev.mcpauth.report;

/** An input with nothing in it: refused alone, skipped next to other inputs. */
public final class EmptyInputException extends ReportInputException {

    private static final long serialVersionUID = 1L;

    public EmptyInputException(String message) {
        super(message);
    }
}
