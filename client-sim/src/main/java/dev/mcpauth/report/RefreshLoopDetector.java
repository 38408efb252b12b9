package dev.mcpauth.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token fresh from a refresh and rejected by the resource server: the server log joins the two by
 * the token's fingerprint; a client log by order (a successful refresh, then a 401 with a token).
 */
final class RefreshLoopDetector implements Detector {

    private static final int MAX_TRACKED = 10_000;

    private final Finding.Collector evidence = new Finding.Collector();
    private final Map<String, Event> refreshed =
            new LinkedHashMap<>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Event> eldest) {
                    return size() > MAX_TRACKED;
                }
            };
    private Event clientRefresh;
    private int rejectedAfterRefresh;

    @Override
    public void accept(Event e) {
        if (Detector.isDecision(e, "token", "allow")
                && e.has("reason", "refresh_token")
                && e.field("token") != null) {
            refreshed.put(e.field("token"), e);
        } else if (Detector.isDecision(e, "mcp", "deny")
                && refreshed.containsKey(e.field("token"))) {
            rejectedAfterRefresh++;
            evidence.add(refreshed.get(e.field("token")), "a refresh issued this token");
            evidence.add(e, "the same token is rejected");
        } else if (Detector.isToken(e)
                && e.status() == 200
                && e.field("body") != null
                && e.field("body").contains("grant_type=refresh_token")) {
            clientRefresh = e;
        } else if (clientRefresh != null
                && Detector.isMcp(e)
                && Detector.rejected(e)
                && e.authorizationSent()) {
            rejectedAfterRefresh++;
            evidence.add(clientRefresh, "the refresh succeeded");
            evidence.add(e, "the refreshed token is rejected");
            clientRefresh = null;
        }
    }

    @Override
    public List<Finding> findings() {
        if (rejectedAfterRefresh == 0) {
            return List.of();
        }
        String verdict =
                "a refresh succeeded and the token it issued was rejected by the MCP endpoint "
                        + rejectedAfterRefresh
                        + (rejectedAfterRefresh == 1 ? " time" : " times (a loop)")
                        + ": the authorization server issues tokens the resource server does not"
                        + " accept";
        return List.of(new Finding(KnownProblem.REFRESH_LOOP, verdict, evidence.lines()));
    }
}
