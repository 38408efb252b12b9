package dev.mcpauth.report;

import java.util.List;

/** Watches the timeline for one known problem; keeps only bounded state. */
interface Detector {

    void accept(Event e);

    /** The findings once every event was seen; empty when the problem did not show. */
    List<Finding> findings();

    static boolean isMcp(Event e) {
        if (e.kind() != Event.Kind.EXCHANGE || e.field("endpoint") != null) {
            return false;
        }
        String path = e.path();
        return !path.isEmpty()
                && !path.contains("/.well-known/")
                && !isAuthorize(e)
                && !path.endsWith("/register")
                && !path.endsWith("/token")
                && !path.endsWith("/revoke");
    }

    static boolean isAuthorize(Event e) {
        if (e.kind() != Event.Kind.EXCHANGE) {
            return false;
        }
        String path = e.path();
        return "authorize".equals(e.field("endpoint"))
                || path.endsWith("/authorize")
                || path.endsWith("/openid-connect/auth");
    }

    static boolean isToken(Event e) {
        return e.kind() == Event.Kind.EXCHANGE
                && ("token".equals(e.field("endpoint")) || e.path().endsWith("/token"));
    }

    static boolean isRegister(Event e) {
        return e.kind() == Event.Kind.EXCHANGE && e.path().endsWith("/register");
    }

    static boolean isDecision(Event e, String endpoint, String outcome) {
        return e.kind() == Event.Kind.DECISION
                && e.has("endpoint", endpoint)
                && e.has("outcome", outcome);
    }

    static boolean rejected(Event e) {
        return e.status() == 401 || e.status() == 403;
    }
}
