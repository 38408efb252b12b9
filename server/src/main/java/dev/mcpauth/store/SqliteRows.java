package dev.mcpauth.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The records of {@link SqliteStore}, read back from its rows. */
final class SqliteRows {

    private SqliteRows() {}

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    static RegisteredClient client(ResultSet rs) throws SQLException {
        return new RegisteredClient(
                rs.getString("client_id"),
                rs.getString("secret_hash"),
                rs.getString("auth_method"),
                split(rs.getString("redirect_uris"), "\n"),
                rs.getString("client_name"),
                split(rs.getString("grant_types"), " "),
                rs.getString("metadata_json"),
                instant(rs, "issued_at"));
    }

    static AuthorizationCode code(ResultSet rs) throws SQLException {
        return new AuthorizationCode(
                rs.getString("code_hash"),
                rs.getString("client_id"),
                rs.getString("grant_id"),
                rs.getString("redirect_uri"),
                rs.getString("code_challenge"),
                rs.getString("scope"),
                rs.getString("resource"),
                instant(rs, "issued_at"),
                instant(rs, "expires_at"),
                instant(rs, "used_at"));
    }

    static IssuedToken token(ResultSet rs) throws SQLException {
        return new IssuedToken(
                rs.getString("token_hash"),
                IssuedToken.Kind.valueOf(rs.getString("kind")),
                rs.getString("client_id"),
                rs.getString("grant_id"),
                rs.getString("scope"),
                rs.getString("resource"),
                rs.getLong("instance_id"),
                instant(rs, "issued_at"),
                instant(rs, "expires_at"),
                instant(rs, "used_at"),
                instant(rs, "revoked_at"));
    }

    private static List<String> split(String joined, String separator) {
        List<String> parts = new ArrayList<>();
        for (String part : joined.split(separator)) {
            if (!part.isBlank()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
