package dev.mcpauth.client.profile;

/** When a client uses its refresh token. */
public enum RefreshPolicy {
    /** VS Code: only ahead of expiry, less than five minutes before {@code expires_in} ends. */
    PROACTIVE_ONLY,
    /** TS SDK: only in answer to a 401, never ahead of expiry. */
    ON_UNAUTHORIZED,
    /**
     * Python SDK 1.29: ahead of expiry, but the expiry is known only in the process that got the
     * token, so after a client restart never.
     */
    PROACTIVE_IN_PROCESS,
    /** The spec profile: ahead of expiry and in answer to a 401. */
    PROACTIVE_AND_ON_UNAUTHORIZED
}
