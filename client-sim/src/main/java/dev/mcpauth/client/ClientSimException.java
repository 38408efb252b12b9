package dev.mcpauth.client;

/**
 * Why a simulated client could not go on, as one line that names the subject and what to do. The
 * kind tells the command line which exit code to use.
 */
public final class ClientSimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The classes of failure a user can act on differently. */
    public enum Kind {
        /** Nothing answered, or the answer did not come in time. */
        UNREACHABLE,
        /** The server answered, but not as an MCP server or an OAuth server does. */
        PROTOCOL,
        /** A metadata document or a challenge could not be used. */
        BAD_METADATA,
        /** Authorization did not succeed: the client is stuck or the person cannot approve. */
        AUTHORIZATION,
        /** The local credential cache cannot be read or written. */
        CACHE,
        /** Bad input on our side: a URL, a profile, an option. */
        USAGE
    }

    private final Kind kind;

    public ClientSimException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ClientSimException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
