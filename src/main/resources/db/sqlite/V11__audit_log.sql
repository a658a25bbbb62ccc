-- Audit log of admin actions: who (actor), what (action, target, outcome), when (at, epoch
-- millis) and from where (client_ip). Append-only.

CREATE TABLE audit_log (
    id         TEXT PRIMARY KEY,
    at         BIGINT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    target     TEXT,
    client_ip  TEXT,
    status     INTEGER,
    detail     TEXT
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
