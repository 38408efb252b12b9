package dev.mcpauth.server.resource;

import dev.mcpauth.protocol.BearerChallenge;
import dev.mcpauth.store.IssuedToken;

/**
 * The outcome of checking a request's bearer token: the token, or the status, challenge and OAuth
 * error to answer with.
 */
public sealed interface AccessCheck {

    /** A valid token with every scope the request needs. */
    record Granted(IssuedToken token) implements AccessCheck {}

    /** The request is refused; {@code challenge} is null for a 400. */
    record Refused(int status, BearerChallenge challenge, String error, String detail)
            implements AccessCheck {}

    /** Authorization is switched off for this run ({@code --no-auth}). */
    record Anonymous() implements AccessCheck {}
}
