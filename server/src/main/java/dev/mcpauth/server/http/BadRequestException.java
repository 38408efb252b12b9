package dev.mcpauth.server.http;

/** Input that no endpoint can make sense of; answered with 400 and the message. */
public class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
