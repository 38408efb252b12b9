package dev.mcpauth.server;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One log line per authorization decision, in logfmt so that {@code mcpauth report} and people with
 * grep can read it:
 *
 * <pre>
 * authz endpoint=token client=Xb3k outcome=deny reason=invalid_grant token=fp:3f9a0c1d2e4b
 * </pre>
 *
 * Tokens, codes and secrets appear only as fingerprints. The latest decisions are also kept for the
 * {@code audit_log} tool.
 */
public final class AuthorizationLog {

    public static final String LOGGER_NAME = "mcpauth.authz";
    private static final int KEPT = 100;

    private final System.Logger logger = System.getLogger(LOGGER_NAME);
    private final Deque<Decision> recent = new ArrayDeque<>();

    /** What was decided, where, for whom and why. */
    public record Decision(
            Instant at,
            String endpoint,
            String clientId,
            boolean allowed,
            String reason,
            String fingerprint,
            String detail) {

        public String toLine() {
            StringBuilder line = new StringBuilder("authz");
            append(line, "endpoint", endpoint);
            append(line, "client", clientId);
            append(line, "outcome", allowed ? "allow" : "deny");
            append(line, "reason", reason);
            append(line, "token", fingerprint);
            append(line, "detail", detail);
            return line.toString();
        }

        private static void append(StringBuilder line, String key, String value) {
            if (value == null || value.isEmpty()) {
                return;
            }
            boolean bare = value.chars().allMatch(c -> c > ' ' && c != '"' && c != '=' && c < 127);
            line.append(' ').append(key).append('=');
            if (bare) {
                line.append(value);
            } else {
                line.append('"')
                        .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
        }
    }

    public void allow(String endpoint, String clientId, String reason, String fingerprint) {
        record(new Decision(Instant.now(), endpoint, clientId, true, reason, fingerprint, null));
    }

    /**
     * An accepted token on a protected request: routine, so logged at DEBUG and not kept, which
     * keeps the hot path free of I/O.
     */
    public void allowRequest(String endpoint, String clientId, String fingerprint) {
        if (logger.isLoggable(Level.DEBUG)) {
            logger.log(
                    Level.DEBUG,
                    new Decision(
                                    Instant.now(),
                                    endpoint,
                                    clientId,
                                    true,
                                    "token_valid",
                                    fingerprint,
                                    null)
                            .toLine());
        }
    }

    public void deny(
            String endpoint, String clientId, String reason, String fingerprint, String detail) {
        record(new Decision(Instant.now(), endpoint, clientId, false, reason, fingerprint, detail));
    }

    public synchronized List<Decision> recent() {
        return List.copyOf(recent);
    }

    private void record(Decision decision) {
        logger.log(decision.allowed() ? Level.INFO : Level.WARNING, decision.toLine());
        synchronized (this) {
            if (recent.size() == KEPT) {
                recent.removeFirst();
            }
            recent.addLast(decision);
        }
    }
}
