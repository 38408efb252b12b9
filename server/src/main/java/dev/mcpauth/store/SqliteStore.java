package dev.mcpauth.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default store: one SQLite file in the data directory, schema versioned by {@link
 * SchemaMigrations}. One connection in WAL mode, used under a lock; every write is its own
 * transaction and is committed before the method returns.
 */
public final class SqliteStore implements AuthStore {

    private static final String TOKEN_COLUMNS =
            "token_hash, kind, client_id, grant_id, scope, "
                    + "resource, instance_id, issued_at, expires_at, used_at, revoked_at";

    private final Path file;
    private final Connection db;
    private final ReentrantLock lock = new ReentrantLock();
    // sqlite-jdbc compiles a statement's SQL at every prepareStatement; the store uses a few fixed
    // SQL strings on its one connection, so each is compiled once and kept (used under the lock).
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private SqliteStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (creating if needed) and migrates the database file; nothing existing is dropped. */
    public static SqliteStore open(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SchemaMigrations.migrate(url, file);
        try {
            Connection db = DriverManager.getConnection(url);
            try (var st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                // Committed transactions survive a crash of this process; see README, Stores.
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=5000");
            }
            SqliteStore store = new SqliteStore(file, db);
            store.purgeExpired(Instant.now().minus(1, ChronoUnit.DAYS));
            return store;
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot open "
                            + file
                            + ": "
                            + e.getMessage()
                            + "; check that the data directory is writable",
                    e);
        }
    }

    @Override
    public String describe() {
        return "sqlite " + file.toAbsolutePath();
    }

    @Override
    public void saveClient(RegisteredClient c) {
        write(
                "INSERT INTO clients (client_id, secret_hash, auth_method, redirect_uris,"
                        + " client_name, grant_types, metadata_json, issued_at) VALUES"
                        + " (?,?,?,?,?,?,?,?)",
                c.clientId(),
                c.secretHash(),
                c.authMethod(),
                String.join("\n", c.redirectUris()),
                c.clientName(),
                String.join(" ", c.grantTypes()),
                c.metadataJson(),
                c.issuedAt().toEpochMilli());
    }

    @Override
    public Optional<RegisteredClient> findClient(String clientId) {
        return queryOne(
                "SELECT client_id, secret_hash, auth_method, redirect_uris, client_name, "
                        + "grant_types, metadata_json, issued_at FROM clients WHERE client_id = ?",
                SqliteRows::client,
                clientId);
    }

    @Override
    public void saveCode(AuthorizationCode c) {
        write(
                "INSERT INTO authorization_codes (code_hash, client_id, grant_id, redirect_uri, "
                        + "code_challenge, scope, resource, issued_at, expires_at, used_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)",
                c.codeHash(),
                c.clientId(),
                c.grantId(),
                c.redirectUri(),
                c.codeChallenge(),
                c.scope(),
                c.resource(),
                c.issuedAt().toEpochMilli(),
                c.expiresAt().toEpochMilli(),
                millis(c.usedAt()));
    }

    @Override
    public Optional<AuthorizationCode> redeemCode(String codeHash, Instant now) {
        return transaction(
                () -> {
                    Optional<AuthorizationCode> code =
                            queryOne(
                                    "SELECT code_hash, client_id, grant_id, redirect_uri,"
                                        + " code_challenge, scope, resource, issued_at, expires_at,"
                                        + " used_at FROM authorization_codes WHERE code_hash = ?",
                                    SqliteRows::code,
                                    codeHash);
                    if (code.isPresent() && code.get().usedAt() == null) {
                        update(
                                "UPDATE authorization_codes SET used_at = ? WHERE code_hash = ?",
                                now.toEpochMilli(),
                                codeHash);
                    }
                    return code;
                });
    }

    @Override
    public void saveTokens(List<IssuedToken> tokens) {
        transaction(
                () -> {
                    tokens.forEach(this::insertToken);
                    return null;
                });
    }

    @Override
    public Optional<IssuedToken> findToken(String tokenHash) {
        return queryOne(
                "SELECT " + TOKEN_COLUMNS + " FROM tokens WHERE token_hash = ?",
                SqliteRows::token,
                tokenHash);
    }

    @Override
    public Rotation rotateRefreshToken(
            String refreshHash, List<IssuedToken> replacements, Instant now) {
        return transaction(
                () -> {
                    Optional<IssuedToken> found = findToken(refreshHash);
                    if (found.isEmpty() || found.get().kind() != IssuedToken.Kind.REFRESH) {
                        return Rotation.UNKNOWN;
                    }
                    IssuedToken old = found.get();
                    if (old.usedAt() != null) {
                        revokeGrant(old.grantId(), now);
                        return Rotation.REPLAYED;
                    }
                    if (!old.isActive(now)) {
                        return Rotation.INACTIVE;
                    }
                    update(
                            "UPDATE tokens SET used_at = ? WHERE token_hash = ?",
                            now.toEpochMilli(),
                            refreshHash);
                    replacements.forEach(this::insertToken);
                    return Rotation.ROTATED;
                });
    }

    @Override
    public int revokeGrant(String grantId, Instant now) {
        return transaction(
                () ->
                        update(
                                "UPDATE tokens SET revoked_at = ? WHERE grant_id = ? AND revoked_at"
                                        + " IS NULL AND used_at IS NULL AND expires_at > ?",
                                now.toEpochMilli(),
                                grantId,
                                now.toEpochMilli()));
    }

    @Override
    public boolean revokeToken(String tokenHash, Instant now) {
        return transaction(
                () ->
                        update(
                                        "UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND"
                                                + " revoked_at IS NULL AND used_at IS NULL AND"
                                                + " expires_at > ?",
                                        now.toEpochMilli(),
                                        tokenHash,
                                        now.toEpochMilli())
                                > 0);
    }

    @Override
    public Counts counts(Instant now) {
        long clients = queryOne("SELECT count(*) FROM clients", rs -> rs.getLong(1)).orElse(0L);
        long active =
                queryOne(
                                "SELECT count(*) FROM tokens WHERE revoked_at IS NULL "
                                        + "AND used_at IS NULL AND expires_at > ?",
                                rs -> rs.getLong(1),
                                now.toEpochMilli())
                        .orElse(0L);
        return new Counts(clients, active);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (PreparedStatement st : statements.values()) {
                st.close();
            }
            statements.clear();
            db.close();
        } catch (SQLException e) {
            throw new StoreException("closing " + file + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Drops codes and tokens that expired before {@code cutoff}; clients are kept. */
    void purgeExpired(Instant cutoff) {
        transaction(
                () -> {
                    update(
                            "DELETE FROM authorization_codes WHERE expires_at < ?",
                            cutoff.toEpochMilli());
                    return update("DELETE FROM tokens WHERE expires_at < ?", cutoff.toEpochMilli());
                });
    }

    private void insertToken(IssuedToken t) {
        update(
                "INSERT INTO tokens (" + TOKEN_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                t.tokenHash(),
                t.kind().name(),
                t.clientId(),
                t.grantId(),
                t.scope(),
                t.resource(),
                t.instanceId(),
                t.issuedAt().toEpochMilli(),
                t.expiresAt().toEpochMilli(),
                millis(t.usedAt()),
                millis(t.revokedAt()));
    }

    private void write(String sql, Object... args) {
        transaction(() -> update(sql, args));
    }

    private <T> T transaction(SqlWork<T> work) {
        lock.lock();
        try {
            boolean outermost = db.getAutoCommit();
            if (!outermost) {
                return work.run();
            }
            db.setAutoCommit(false);
            T result;
            try {
                result = work.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                endFailedTransaction(e);
                throw e;
            }
            db.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new StoreException("write to " + file + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Rolls back after a failed write. SQLite may have rolled back on its own (a full disk does),
     * and then rollback and the return to autocommit fail too: their errors are added to the first
     * one instead of replacing it, so the log names the real cause.
     */
    private void endFailedTransaction(Exception cause) {
        try {
            db.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private int update(String sql, Object... args) {
        try {
            PreparedStatement st = prepared(sql);
            bind(st, args);
            return st.executeUpdate();
        } catch (SQLException e) {
            forget(sql);
            throw new StoreException("write to " + file + " failed: " + e.getMessage(), e);
        }
    }

    private <T> Optional<T> queryOne(String sql, RowReader<T> reader, Object... args) {
        lock.lock();
        try {
            PreparedStatement st = prepared(sql);
            bind(st, args);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            forget(sql);
            throw new StoreException("read from " + file + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** The statement for {@code sql}, compiled on first use; call with the lock held. */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement st = statements.get(sql);
        if (st == null) {
            st = db.prepareStatement(sql);
            statements.put(sql, st);
        }
        st.clearParameters();
        return st;
    }

    /**
     * Drops a statement after a failure. sqlite-jdbc closes a statement whose step failed with an
     * error such as SQLITE_FULL, and a cached closed one would fail every later write of its kind
     * until a restart, even once the disk has room again.
     */
    private void forget(String sql) {
        PreparedStatement st = statements.remove(sql);
        try {
            if (st != null) {
                st.close();
            }
        } catch (SQLException ignored) {
            // Already closed by the driver, which is why it is dropped.
        }
    }

    private static void bind(PreparedStatement st, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                st.setNull(i + 1, Types.NULL);
            } else {
                st.setObject(i + 1, args[i]);
            }
        }
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
