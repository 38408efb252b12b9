package dev.mcpauth.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Registration and redirect refusals: a registration rejected over {@code
 * token_endpoint_auth_method}, and a loopback redirect URI refused for its port.
 */
final class RegistrationDetector implements Detector {

    private static final Pattern LOOPBACK =
            Pattern.compile(
                    "redirect_uri[='\":\\s]+'?http://(127\\.0\\.0\\.1|\\[::1]|localhost):\\d+");

    private final Finding.Collector authMethod = new Finding.Collector();
    private final Finding.Collector loopback = new Finding.Collector();

    @Override
    public void accept(Event e) {
        String detail = detail(e);
        if (detail == null) {
            return;
        }
        boolean register =
                Detector.isDecision(e, "register", "deny")
                        || (Detector.isRegister(e) && e.status() == 400);
        if (register && detail.contains("token_endpoint_auth_method")) {
            authMethod.add(e, "the registration is refused over its auth method");
        }
        boolean redirect =
                (Detector.isDecision(e, "authorize", "deny")
                                && e.has("reason", "redirect_uri_mismatch"))
                        || (Detector.isAuthorize(e) && e.status() == 400);
        if (redirect && LOOPBACK.matcher(detail).find()) {
            loopback.add(e, "a loopback redirect URI with a port is refused");
        }
    }

    private static String detail(Event e) {
        if (e.kind() == Event.Kind.DECISION) {
            return e.field("detail") == null ? "" : e.field("detail");
        }
        if (e.kind() == Event.Kind.EXCHANGE) {
            return String.join(" ", e.fields().values());
        }
        return null;
    }

    @Override
    public List<Finding> findings() {
        List<Finding> found = new ArrayList<>();
        if (!authMethod.isEmpty()) {
            found.add(
                    new Finding(
                            KnownProblem.REGISTRATION_AUTH_METHOD,
                            "the server rejected a registration over token_endpoint_auth_method;"
                                    + " an omitted method means client_secret_basic (RFC 7591"
                                    + " section 2), so the server refuses its own default",
                            authMethod.lines()));
        }
        if (!loopback.isEmpty()) {
            found.add(
                    new Finding(
                            KnownProblem.LOOPBACK_PORT,
                            "the authorization server refused a loopback redirect URI because its"
                                    + " port differs from the registered one; RFC 8252 section 7.3"
                                    + " requires any port for loopback IP literals",
                            loopback.lines()));
        }
        return found;
    }
}
