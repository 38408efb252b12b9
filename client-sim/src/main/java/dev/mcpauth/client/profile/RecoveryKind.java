package dev.mcpauth.client.profile;

/**
 * What a client does when a request is answered 401 or 403. The engine turns each kind into a
 * strategy object per connection; the text is what users read in {@code --help} and reports.
 */
public enum RecoveryKind {
    VSCODE_SCOPE_CHANGE_ONLY(
            "first 401 of a connection: discovery, then the cached token; a later 401 or 403"
                    + " retries only when the challenged scopes changed, else the connection"
                    + " fails (\"Server exited before responding to `initialize` request.\")"),
    VSCODE_FORCED_REREGISTRATION(
            "as 1.105, plus: a 401 or 403 on a request that carried a token drops the client"
                    + " registration and its tokens, registers again and asks the person to log"
                    + " in; one forced retry per request"),
    TS_SDK(
            "refresh on 401 when a refresh token is stored; invalid_client drops everything"
                    + " and registers again, invalid_grant drops the tokens; else a browser login"
                    + " with the stored client; a second 401 after a successful login is an"
                    + " error"),
    PYTHON_SDK(
            "a full authorization-code login on every 401, never a refresh; registers only"
                    + " when no client is stored, and never discards a stale client"),
    SPEC(
            "refresh first; invalid_client: register again; invalid_grant: log in again; 403"
                    + " insufficient_scope: step up with the union of scopes; at most three"
                    + " authorization attempts");

    private final String description;

    RecoveryKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
