package dev.mcpauth.server.http;

/** A request body over an endpoint's limit; answered with 413 and the message. */
public final class BodyTooLargeException extends BadRequestException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(String message) {
        super(message);
    }
}
