package dev.mcpauth.client.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Settings of one simulated connection that are not part of the client's profile.
 *
 * @param timeout the bound on each HTTP exchange, body included
 * @param redirectUri the redirect URI to use instead of the profile's, e.g. another loopback port
 * @param tool the tool to call after listing; null calls {@code whoami} or {@code echo} when the
 *     server offers one, else none
 * @param toolArguments arguments of that call
 * @param clientId a pre-registered client id, used instead of registering
 * @param clientSecret its secret, or null
 * @param label the server's name in VS Code's log lines
 */
public record SessionOptions(
        Duration timeout,
        String redirectUri,
        String tool,
        JsonNode toolArguments,
        String clientId,
        String clientSecret,
        String label) {

    public static SessionOptions defaults() {
        return new SessionOptions(Duration.ofSeconds(10), null, null, null, null, null, "mcpauth");
    }

    public SessionOptions withTimeout(Duration value) {
        return new SessionOptions(
                value, redirectUri, tool, toolArguments, clientId, clientSecret, label);
    }

    public SessionOptions withRedirectUri(String value) {
        return new SessionOptions(
                timeout, value, tool, toolArguments, clientId, clientSecret, label);
    }

    public SessionOptions withTool(String name, JsonNode arguments) {
        return new SessionOptions(
                timeout, redirectUri, name, arguments, clientId, clientSecret, label);
    }

    public SessionOptions withClient(String id, String secret) {
        return new SessionOptions(timeout, redirectUri, tool, toolArguments, id, secret, label);
    }
}
