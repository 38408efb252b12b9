package dev.mcpauth.report;

import java.util.List;

/**
 * An authorization request for a client the authorization server does not know: the server denies
 * it with {@code invalid_client}, or the client's {@code /authorize} gets an error page.
 */
final class StaleClientDetector implements Detector {

    private final Finding.Collector evidence = new Finding.Collector();
    private int unknown;
    private int starts;
    // Kept per party: inputs without dates are not ordered against the others.
    private int unknownToClient;
    private int unknownToServer;
    private boolean clientRegisteredAgain;
    private boolean serverRegisteredAgain;

    @Override
    public void accept(Event e) {
        if (e.kind() == Event.Kind.SERVER_START || e.kind() == Event.Kind.RESTART) {
            starts++;
            if (starts > 1 || e.kind() == Event.Kind.RESTART) {
                evidence.add(e, "the server restarted");
            }
        } else if (e.kind() == Event.Kind.DECISION
                && e.has("outcome", "deny")
                && e.has("reason", "invalid_client")
                && (e.has("endpoint", "authorize") || e.has("endpoint", "token"))) {
            unknown++;
            unknownToServer++;
            evidence.add(e, "the authorization server does not know this client id");
        } else if (Detector.isAuthorize(e) && (e.status() == 400 || e.status() == 401)) {
            unknown++;
            unknownToClient++;
            evidence.add(e, "the authorization request was refused");
        } else if (unknownToServer > 0 && Detector.isDecision(e, "register", "allow")) {
            serverRegisteredAgain = true;
        } else if (unknownToClient > 0 && Detector.isRegister(e) && e.status() / 100 == 2) {
            clientRegisteredAgain = true;
        } else if (e.kind() == Event.Kind.MESSAGE
                && e.message().contains("Client ID was invalid")) {
            evidence.add(e, "the client noticed its client id is unknown");
        }
    }

    @Override
    public List<Finding> findings() {
        boolean clientStuck = unknownToClient > 0 && !clientRegisteredAgain;
        boolean serverStuck = unknownToServer > 0 && !serverRegisteredAgain;
        if (!clientStuck && !serverStuck) {
            return List.of();
        }
        String verdict =
                "the client started a new authorization with a client_id the authorization server"
                        + " no longer knows ("
                        + unknown
                        + (unknown == 1 ? " refusal" : " refusals")
                        + (starts > 1 ? ", after a restart" : "")
                        + "): client registrations were lost, and the client did not register"
                        + " again";
        return List.of(new Finding(KnownProblem.STALE_CLIENT, verdict, evidence.lines()));
    }
}
