package dev.mcpauth.client.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.trace.RecordingHttpClient.Response;

/**
 * A profile's reaction to 401 and 403, with its state for one connection. {@link #token} says what
 * a request carries; {@link #onUnauthorized} returns the token to retry with, or throws {@link
 * Stuck}.
 */
interface RecoveryStrategy {

    /** The access token the next request carries, or null. */
    String token(Connection connection);

    /** Called before each new MCP request (not before its retries). */
    default void beginRequest() {}

    String onUnauthorized(
            Connection connection, Response response, String sentToken, ObjectNode request);

    static RecoveryStrategy of(ClientProfile profile) {
        return switch (profile.recovery()) {
            case VSCODE_SCOPE_CHANGE_ONLY -> new VsCodeStrategy(false);
            case VSCODE_FORCED_REREGISTRATION -> new VsCodeStrategy(true);
            case TS_SDK -> new TsSdkStrategy();
            case PYTHON_SDK -> new PythonSdkStrategy();
            case SPEC -> new SpecStrategy();
        };
    }
}
