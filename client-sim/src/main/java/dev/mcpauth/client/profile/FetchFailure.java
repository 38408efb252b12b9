package dev.mcpauth.client.profile;

/**
 * What a client does when a metadata URL answers with an error status: try the next URL, stop
 * discovery and go on without metadata, or fail the connection.
 */
public enum FetchFailure {
    NEXT,
    STOP,
    FAIL;

    /** The rule of each client for one response status during metadata discovery. */
    public interface Rule {
        FetchFailure onStatus(int status);
    }

    /** VS Code, and Python SDK resource metadata: any non-200 moves to the next URL. */
    public static final Rule ANY_NEXT = status -> NEXT;

    /** TS SDK v1: a 4xx moves on, anything else fails the connection. */
    public static final Rule CLIENT_ERRORS_NEXT =
            status -> status >= 400 && status < 500 ? NEXT : FAIL;

    /** TS SDK v2: like v1, with 502 treated as a 4xx. */
    public static final Rule CLIENT_ERRORS_AND_502_NEXT =
            status -> (status >= 400 && status < 500) || status == 502 ? NEXT : FAIL;

    /** Python SDK authorization server metadata: 4xx next, 3xx or 5xx stop without metadata. */
    public static final Rule PYTHON_AS = status -> status >= 400 && status < 500 ? NEXT : STOP;
}
