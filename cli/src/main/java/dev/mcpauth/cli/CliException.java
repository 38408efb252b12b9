package dev.mcpauth.cli;

/** The one failure type of the command line: a one-line message for stderr and an exit code. */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final String option;

    public CliException(int exitCode, String message) {
        this(exitCode, message, (Throwable) null);
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.option = null;
    }

    private CliException(String option, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = ExitCode.USAGE;
        this.option = option;
    }

    /**
     * A usage error about the value of {@code option} (e.g. {@code "--port"}), so that the handler
     * can say where the value came from when it was not typed.
     */
    static CliException badValue(String option, String message) {
        return new CliException(option, message, null);
    }

    static CliException badValue(String option, String message, Throwable cause) {
        return new CliException(option, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The option whose value is refused, or null. */
    String option() {
        return option;
    }
}
