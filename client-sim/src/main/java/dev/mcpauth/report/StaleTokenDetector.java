package dev.mcpauth.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cached token rejected after a restart, and no new login after it: the client sent a token, got
 * 401 (the server: {@code reason=invalid_token}), and neither registered nor authorized again.
 */
final class StaleTokenDetector implements Detector {

    private static final int MAX_ISSUED = 10_000;

    private final Finding.Collector evidence = new Finding.Collector();
    private final Map<String, String> issuedBy =
            new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > MAX_ISSUED;
                }
            };
    private final List<String> instances = new ArrayList<>();
    private final List<String> scopes = new ArrayList<>();
    private int clientRejections;
    private int serverRejections;
    private boolean gaveUp;
    private boolean gaveUpOn401;
    // Kept per party: inputs without dates are not ordered against the others.
    private boolean recoveredClient;
    private boolean recoveredServer;
    private boolean olderInstanceToken;
    // A rejection proves a forgotten token only if the token is known to predate the restart, or
    // the server's store forgets on restart; a sqlite server rejecting a made-up token does not.
    private boolean storeForgets;
    private int forgottenRejections;

    @Override
    public void accept(Event e) {
        switch (e.kind()) {
            case SERVER_START, RESTART -> instance(e);
            case DECISION -> decision(e);
            case EXCHANGE -> exchange(e);
            case MESSAGE -> message(e);
            default -> {}
        }
    }

    private void instance(Event e) {
        String store = e.field("store");
        if (store != null) {
            storeForgets = store.startsWith("memory");
        }
        String id = e.field("instance");
        if (id != null && !instances.contains(id)) {
            instances.add(id);
            if (instances.size() > 1) {
                evidence.add(e, "the server restarted: instance " + id);
            }
        }
    }

    private void decision(Event e) {
        if (Detector.isDecision(e, "token", "allow") && e.field("token") != null) {
            issuedBy.put(e.field("token"), current());
        }
        if (Detector.isDecision(e, "mcp", "deny") && e.has("reason", "invalid_token")) {
            serverRejections++;
            String issuer = issuedBy.get(e.field("token"));
            boolean older = issuer != null && !issuer.equals(current());
            olderInstanceToken |= older;
            if (older || (issuer == null && storeForgets)) {
                forgottenRejections++;
            }
            evidence.add(
                    e,
                    older
                            ? "token issued by instance " + issuer + " rejected by " + current()
                            : "the server does not know the token it was sent");
        } else if (serverRejections > 0 && recoveredOnServer(e)) {
            recoveredServer = true;
        }
    }

    private static boolean recoveredOnServer(Event e) {
        return Detector.isDecision(e, "register", "allow")
                || Detector.isDecision(e, "authorize", "allow")
                || (Detector.isDecision(e, "token", "allow")
                        && e.has("reason", "authorization_code"));
    }

    private void exchange(Event e) {
        if (Detector.isMcp(e) && Detector.rejected(e) && e.authorizationSent()) {
            clientRejections++;
            scopes.add(Objects.requireNonNullElse(e.field("scope"), ""));
            String from = e.field("token_instance");
            boolean stale = from != null && instances.size() > 1 && !from.equals(current());
            evidence.add(
                    e,
                    e.status()
                            + " to a request that carried a token"
                            + (stale ? " issued by instance " + from : ""));
        } else if ((clientRejections > 0 || gaveUp)
                && (Detector.isRegister(e) || Detector.isAuthorize(e))) {
            recoveredClient = true;
        }
    }

    private void message(Event e) {
        String m = e.message();
        if (m.contains("retrying with new auth registration") || m.startsWith("Scopes changed")) {
            recoveredClient = true;
        } else if (m.contains("Server exited before responding to `initialize`")
                || m.matches("Connection state: Error (401|403) status sending message.*")) {
            if (!gaveUp || m.startsWith("Connection")) {
                evidence.add(e, "the client gives up");
            }
            gaveUp = true;
            gaveUpOn401 |= m.startsWith("Connection state: Error");
        }
    }

    private String current() {
        return instances.isEmpty() ? "?" : instances.get(instances.size() - 1);
    }

    @Override
    public List<Finding> findings() {
        boolean restarted = instances.size() > 1 || olderInstanceToken;
        boolean clientStuck =
                !recoveredClient
                        && (clientRejections > 0
                                || gaveUpOn401
                                || (gaveUp && (serverRejections > 0 || restarted)));
        boolean serverStuck = !recoveredServer && forgottenRejections > 0 && restarted;
        if (recoveredClient && serverStuck) {
            return List.of();
        }
        if (!clientStuck && !serverStuck) {
            return List.of();
        }
        return List.of(new Finding(KnownProblem.STALE_TOKEN, verdict(restarted), evidence.lines()));
    }

    private String verdict(boolean restarted) {
        int rejections = Math.max(clientRejections, serverRejections);
        boolean sameScope = scopes.size() > 1 && scopes.stream().distinct().count() == 1;
        if (clientRejections == 0 && serverRejections == 0) {
            return "the connection failed with 401 after authorization and the client gave up"
                    + " without logging in again: the client did not re-authenticate (an info-level"
                    + " log does not show whether a token was sent; trace level does)";
        }
        return "401 returned while a bearer token was sent ("
                + rejections
                + (rejections == 1 ? " time" : " times")
                + (sameScope ? ", challenge scope unchanged between attempts" : "")
                + ")"
                + (restarted ? " after the server restarted" : "")
                + ", and no discovery, registration or authorization followed: the client did not"
                + " re-authenticate after the server restart";
    }
}
