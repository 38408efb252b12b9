-- Authorization state that must survive restarts. Secrets are stored as SHA-256 hex only.
-- Times are epoch milliseconds.

CREATE TABLE clients (
    client_id     TEXT PRIMARY KEY,
    secret_hash   TEXT,
    auth_method   TEXT NOT NULL,
    redirect_uris TEXT NOT NULL,
    client_name   TEXT,
    grant_types   TEXT NOT NULL,
    metadata_json TEXT NOT NULL,
    issued_at     INTEGER NOT NULL
);

CREATE TABLE authorization_codes (
    code_hash      TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
    grant_id       TEXT NOT NULL,
    redirect_uri   TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    scope          TEXT NOT NULL,
    resource       TEXT NOT NULL,
    issued_at      INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    used_at        INTEGER
);

CREATE TABLE tokens (
    token_hash  TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('ACCESS', 'REFRESH')),
    client_id   TEXT NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
    grant_id    TEXT NOT NULL,
    scope       TEXT NOT NULL,
    resource    TEXT NOT NULL,
    instance_id INTEGER NOT NULL,
    issued_at   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER,
    revoked_at  INTEGER
);

CREATE INDEX tokens_by_grant ON tokens (grant_id);
CREATE INDEX tokens_by_expiry ON tokens (expires_at);
CREATE INDEX codes_by_expiry ON authorization_codes (expires_at);
