package dev.mcpauth.server;

import java.util.Locale;

/**
 * The server-side workarounds tried for clients that cannot recover from a restart, kept as
 * switchable modes so their effect on each client can be reproduced. None of them is needed when
 * the state survives restarts; each description says what it does to which client.
 */
public enum Workaround {
    DYNAMIC_SCOPE(
            "adds server-instance-<id> to the challenged scope. VS Code <= 1.105 sees"
                    + " a scope change and logs in again; VS Code >= 1.106 with a forgotten client"
                    + " then logs in with a stale client_id; SDK clients request the extra scope."),
    ISSUER_ROTATION(
            "appends a per-start suffix to the issuer. No effect on VS Code (it keys on the"
                    + " authorization-server URL); TS SDK 2 and Python SDK 2 reject the metadata"
                    + " because the issuer no longer matches the URL they fetched it from."),
    INVALID_TOKEN_DETAIL(
            "says in error_description that the server restarted and which"
                    + " instance issued the token. Every known client ignores it; it helps people"
                    + " reading logs."),
    AS_URL_ROTATION(
            "names a per-start authorization-server URL in the resource metadata. VS Code sees a"
                + " new provider, registers again and asks for a login (leaving a dead entry per"
                + " restart); SDK clients rediscover and register again.");

    private final String effect;

    Workaround(String effect) {
        this.effect = effect;
    }

    public String effect() {
        return effect;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
