-- 0006_idempotency_keys: what a write made with an `Idempotency-Key` header answered, so that a
-- client that retries it (after a timeout, a lost connection, a failover) gets that answer again
-- and never a second record (draft-ietf-httpapi-idempotency-key-header).
--
-- A row is written in the same transaction as the write it answers, so the two commit together
-- and travel together: a primary restored from the replica store, or a promoted replica, holds
-- both or neither. A key belongs to the token that sent it (`token_name`); `fingerprint` is the
-- method, the target and a SHA-256 of the body, so the same key on a different request is told
-- apart and refused. `status`, `location` and `body` are the 2xx as first sent (its ETag is made
-- again from the body); `seq` is the change sequence the database was at after it. Rows older
-- than a day are removed by the writes that follow.
CREATE TABLE idempotency_keys (
    token_name  TEXT NOT NULL CHECK (length(token_name) > 0),
    key         TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    fingerprint TEXT NOT NULL CHECK (length(fingerprint) > 0),
    created_at  TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    status      INTEGER NOT NULL CHECK (status BETWEEN 200 AND 299),
    location    TEXT,
    body        BLOB NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 0),
    PRIMARY KEY (token_name, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
