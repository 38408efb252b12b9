package dev.mcpauth.server.mcp;

import dev.mcpauth.protocol.McpRevision;
import dev.mcpauth.token.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MCP sessions (Streamable HTTP, session management). They live in memory on purpose: after a
 * restart a client gets 404 for its old session and initializes again, as the spec intends; only
 * the authorization state must survive. A session belongs to the client that opened it.
 */
public final class McpSessions {

    static final int MAX_SESSIONS = 10_000;
    static final Duration IDLE_LIMIT = Duration.ofHours(1);

    /** One session: its id, negotiated revision and the client it is bound to. */
    public static final class Session {
        private final String id;
        private final McpRevision revision;
        private final String clientId;
        private volatile Instant lastSeen;

        Session(String id, McpRevision revision, String clientId, Instant now) {
            this.id = id;
            this.revision = revision;
            this.clientId = clientId;
            this.lastSeen = now;
        }

        public String id() {
            return id;
        }

        public McpRevision revision() {
            return revision;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public Session open(McpRevision revision, String clientId) {
        Instant now = Instant.now();
        if (sessions.size() >= MAX_SESSIONS) {
            evictIdle(now);
        }
        // Visible ASCII only, as the transport requires of session ids.
        Session session = new Session(Secrets.randomUrlSafe(24), revision, clientId, now);
        sessions.put(session.id, session);
        return session;
    }

    /** The session with this id if it exists and belongs to the client. */
    public Optional<Session> find(String id, String clientId) {
        Session session = sessions.get(id);
        if (session == null || !session.clientId.equals(clientId)) {
            return Optional.empty();
        }
        session.lastSeen = Instant.now();
        return Optional.of(session);
    }

    public boolean close(String id, String clientId) {
        return find(id, clientId).map(s -> sessions.remove(s.id) != null).orElse(false);
    }

    public int size() {
        return sessions.size();
    }

    private void evictIdle(Instant now) {
        sessions.values().removeIf(s -> s.lastSeen.isBefore(now.minus(IDLE_LIMIT)));
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream()
                    .min(Comparator.comparing(s -> s.lastSeen))
                    .ifPresent(oldest -> sessions.remove(oldest.id));
        }
    }
}
