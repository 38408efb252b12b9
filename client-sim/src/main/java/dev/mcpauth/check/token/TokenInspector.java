package dev.mcpauth.check.token;

import dev.mcpauth.check.Fetcher;
import dev.mcpauth.check.token.TokenReport.AudienceCheck;
import dev.mcpauth.check.token.TokenReport.JwtPart;
import dev.mcpauth.check.token.TokenReport.ServerAnswer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code token decode}: decodes a pasted token and, when asked, presents it to its server, then
 * states the verdicts a person debugging a 401 needs: which instance, which audience, still valid.
 */
public final class TokenInspector {

    /**
     * What to check the token against; every member may be null.
     *
     * @param server the MCP endpoint to present the token to
     * @param resource the resource the token should be bound to (overrides the server's metadata)
     * @param currentInstance the id of the running server instance, when known from elsewhere
     */
    public record Request(
            String pasted,
            URI server,
            String resource,
            String currentInstance,
            boolean reveal,
            Duration timeout) {}

    private TokenInspector() {}

    public static TokenReport inspect(Request request, Instant now) {
        String token = TokenInput.extract(request.pasted());
        TokenReport decoded = TokenDecoder.decode(token, now, request.reveal());
        ServerAnswer answer = null;
        if (request.server() != null) {
            try (Fetcher fetcher = new Fetcher(request.timeout())) {
                answer =
                        new ServerTokenProbe(fetcher)
                                .present(
                                        request.server(),
                                        token,
                                        TokenReport.OPAQUE.equals(decoded.kind()));
            }
        }
        JwtPart jwt = decoded.jwt();
        if (jwt != null) {
            jwt = withAudience(jwt, request.resource(), answer);
        }
        TokenReport report =
                new TokenReport(
                        decoded.kind(),
                        decoded.length(),
                        decoded.fingerprint(),
                        decoded.token(),
                        decoded.instance(),
                        jwt,
                        decoded.opaque(),
                        answer,
                        List.of());
        return withVerdicts(report, request.currentInstance());
    }

    private static JwtPart withAudience(JwtPart jwt, String resource, ServerAnswer answer) {
        String source = "--resource";
        if (resource == null && answer != null && answer.resource() != null) {
            resource = answer.resource();
            source = "protected resource metadata";
        }
        if (resource == null) {
            return jwt;
        }
        String wanted = resource;
        boolean matches = jwt.aud().stream().anyMatch(a -> sameResource(a, wanted));
        return new JwtPart(
                jwt.header(),
                jwt.claims(),
                jwt.times(),
                jwt.expired(),
                jwt.aud(),
                jwt.scopes(),
                jwt.azp(),
                new AudienceCheck(resource, source, matches),
                jwt.signature());
    }

    /** RFC 8707 resources compare as strings; a trailing slash alone is forgiven here. */
    private static boolean sameResource(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static TokenReport withVerdicts(TokenReport r, String knownInstance) {
        List<String> verdicts = new ArrayList<>();
        ServerAnswer server = r.server();
        String running = knownInstance;
        if (running == null && server != null) {
            running = server.currentInstance();
        }
        switch (r.kind()) {
            case TokenReport.INSTANCE -> instanceVerdicts(r, running, server != null, verdicts);
            case TokenReport.JWT -> jwtVerdicts(r.jwt(), verdicts);
            default -> opaqueVerdicts(r, verdicts);
        }
        if (server != null) {
            verdicts.add(serverVerdict(server));
        }
        return new TokenReport(
                r.kind(),
                r.length(),
                r.fingerprint(),
                r.token(),
                r.instance(),
                r.jwt(),
                r.opaque(),
                server,
                List.copyOf(verdicts));
    }

    private static void instanceVerdicts(
            TokenReport r, String running, boolean asked, List<String> out) {
        var part = r.instance();
        String when =
                part.startedAt() == null
                        ? ""
                        : " (started " + part.startedAt() + ", " + part.startedAgo() + ")";
        out.add(
                "instance-prefixed token: instanceId="
                        + part.instanceId()
                        + when
                        + ", secret "
                        + part.secretFingerprint());
        if (running == null && asked) {
            out.add(
                    "the server did not say which instance is running (an mcpauth server tells"
                            + " an accepted token, or any with --workaround invalid-token-detail);"
                            + " pass --instance ID from its ready line to compare");
        } else if (running == null) {
            out.add(
                    "the running server instance is unknown; pass --server URL or --instance ID"
                            + " to compare");
        } else if (running.equals(part.instanceId())) {
            out.add("issued by the running server instance " + running);
        } else {
            out.add(
                    "current server instance is "
                            + running
                            + " -> token was issued by a previous server instance ("
                            + part.instanceId()
                            + ")");
        }
    }

    private static void jwtVerdicts(JwtPart jwt, List<String> out) {
        out.add(
                jwt.signature().startsWith(TokenDecoder.UNSECURED_NOTE)
                        ? "JWT " + jwt.signature()
                        : "JWT signature not verified (use 'mcpauth token verify' to check it)");
        if (jwt.expired() == null) {
            out.add("no exp claim: the token never expires by itself");
        } else {
            String exp =
                    jwt.times().stream()
                            .filter(t -> t.name().equals("exp"))
                            .map(t -> t.iso() + ", " + t.relative())
                            .findFirst()
                            .orElse("");
            out.add((jwt.expired() ? "expired (" : "not expired (exp ") + exp + ")");
        }
        AudienceCheck audience = jwt.audience();
        if (audience == null) {
            out.add(
                    "aud="
                            + jwt.aud()
                            + "; pass --resource URL or --server URL to check the audience");
            return;
        }
        if (audience.matches()) {
            out.add("aud contains the resource '" + audience.resource() + "' -> bound to it");
            return;
        }
        String aud =
                jwt.aud().isEmpty()
                        ? "no aud claim"
                        : "aud='" + String.join("', '", jwt.aud()) + "'";
        String azp =
                jwt.azp() != null && jwt.aud().contains(jwt.azp())
                        ? " equals azp (the client id) and"
                        : "";
        String what = audience.resourceSource().equals("--resource") ? "resource" : "PRM resource";
        out.add(
                aud
                        + azp
                        + " does not contain the "
                        + what
                        + " '"
                        + audience.resource()
                        + "' -> token is not audience-bound to this MCP server (RFC 8707)");
    }

    private static void opaqueVerdicts(TokenReport r, List<String> out) {
        var part = r.opaque();
        out.add(
                "opaque token: "
                        + r.length()
                        + " characters of "
                        + part.alphabet()
                        + ", at most "
                        + part.estimatedEntropyBits()
                        + " bits of entropy");
        String where =
                r.server() != null && r.server().introspectionEndpoint() != null
                        ? "its introspection endpoint " + r.server().introspectionEndpoint()
                        : "token introspection (RFC 7662), if the server offers it";
        out.add(
                "owner, audience, scopes and expiry are known only to the issuing server: ask "
                        + where);
    }

    private static String serverVerdict(ServerAnswer server) {
        if (server.accepted()) {
            String instance =
                    Boolean.TRUE.equals(server.fromCurrentInstance())
                            ? " (issued by the running instance)"
                            : "";
            return "the server accepts the token" + instance;
        }
        String why =
                server.status()
                        + (server.error() == null ? "" : " " + server.error())
                        + (server.errorDescription() == null
                                ? ""
                                : " (" + server.errorDescription() + ")");
        if (server.status() == 401) {
            return "the token is NOT accepted by "
                    + server.url()
                    + ": "
                    + why
                    + " -> its client must refresh it or log in again";
        }
        if (server.status() == 403) {
            return "the server knows the token but refuses this request: "
                    + why
                    + " -> it needs another scope or permission";
        }
        String challenge = server.challenge() == null ? "no challenge" : server.challenge();
        return "the server answered "
                + server.status()
                + " without judging the token ("
                + challenge
                + "); is "
                + server.url()
                + " its MCP endpoint?";
    }
}
