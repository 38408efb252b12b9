package dev.mcpauth.client.session;

/** A client gave up on authorization: it will not recover without outside help. */
final class Stuck extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Stuck(String reason) {
        super(reason);
    }
}
