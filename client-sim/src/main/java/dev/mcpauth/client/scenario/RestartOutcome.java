package dev.mcpauth.client.scenario;

import dev.mcpauth.client.session.ConnectResult;
import dev.mcpauth.client.trace.Trace;
import java.util.List;

/**
 * One profile through one restart: the verdict and its reason, what the reconnection cost, and the
 * full trace of both connections.
 *
 * @param steps what the reconnection did, in order: discovery, registration, login, refresh, ...
 */
public record RestartOutcome(
        String profile,
        ServerSetup setup,
        Verdict verdict,
        String reason,
        int roundTrips,
        boolean personActed,
        List<String> steps,
        ConnectResult before,
        ConnectResult after,
        Trace trace) {

    /** The outcome of a scenario that could not run to its end: the ERROR verdict and why. */
    static RestartOutcome failed(String profile, ServerSetup setup, Exception cause) {
        String reason =
                "the scenario failed, not the client: "
                        + (cause.getMessage() == null
                                ? cause.getClass().getSimpleName()
                                : cause.getMessage());
        ConnectResult none =
                new ConnectResult(
                        false, false, reason, null, false, 0, null, List.of(), null, null);
        return new RestartOutcome(
                profile,
                setup,
                Verdict.ERROR,
                reason,
                0,
                false,
                List.of(),
                none,
                none,
                new Trace());
    }
}
