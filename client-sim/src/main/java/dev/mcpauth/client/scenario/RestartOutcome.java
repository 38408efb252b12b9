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
        Trace trace) {}
