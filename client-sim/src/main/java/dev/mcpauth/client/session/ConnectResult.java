package dev.mcpauth.client.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpauth.client.ClientSimException;
import java.util.List;

/**
 * How one connection ended.
 *
 * @param connected whether initialize, tools/list (and the tool call, if any) succeeded
 * @param stuck whether the client gave up on authorization, as opposed to another failure
 * @param failure why it did not connect, one line; null when connected
 * @param failureKind the class of failure, for the exit code; null when connected
 * @param personActed whether a person had to log in (a browser login was started)
 * @param roundTrips the HTTP exchanges of this connection
 * @param serverName {@code serverInfo.name} from initialize
 * @param tools the tool names listed
 * @param toolCalled the tool that was called, or null
 * @param toolResult its result
 */
public record ConnectResult(
        boolean connected,
        boolean stuck,
        String failure,
        ClientSimException.Kind failureKind,
        boolean personActed,
        int roundTrips,
        String serverName,
        List<String> tools,
        String toolCalled,
        JsonNode toolResult) {}
