package dev.mcpauth.check;

/** The server a checker was pointed at did not answer: refused, unknown host or timed out. */
public class UnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
