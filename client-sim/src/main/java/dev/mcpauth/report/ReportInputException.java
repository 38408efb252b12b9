package dev.mcpauth.report;

/** An input the report cannot read: missing, empty, binary, or the log of another program. */
public class ReportInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportInputException(String message) {
        super(message);
    }

    public ReportInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
