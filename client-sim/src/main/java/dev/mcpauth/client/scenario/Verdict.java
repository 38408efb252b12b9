package dev.mcpauth.client.scenario;

/** How a client came through a server restart. */
public enum Verdict {
    /** It reconnected with what it had stored; nobody noticed the restart. */
    RECOVERED,
    /** It reconnected, but only after a person logged in again. */
    NEEDS_LOGIN,
    /** It did not reconnect, even with a person willing to log in. */
    STUCK,
    /**
     * The scenario itself failed (a server could not start or restart): no verdict on the client.
     */
    ERROR;

    public String label() {
        return name().replace('_', '-');
    }
}
