package dev.mcpauth.check;

/** Input a checker cannot work with: a malformed token, URL or document the user handed over. */
public class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
