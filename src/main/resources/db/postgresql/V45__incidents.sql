-- Incidents (issue 10). ids are INC-<n> with n from incident_counter (sequential across nodes).
-- escalation_step and the *_breached flags are advanced by compare-and-set updates, so a restart
-- or a second node neither re-pages a step nor records a breach twice.
CREATE TABLE incident_counter (
    name   TEXT PRIMARY KEY,
    value  BIGINT NOT NULL
);
CREATE TABLE incidents (
    id                TEXT PRIMARY KEY,
    seq               BIGINT NOT NULL UNIQUE,
    severity          TEXT NOT NULL,
    title             TEXT NOT NULL,
    impact            TEXT,
    status            TEXT NOT NULL,
    commander         TEXT,
    alert_key         TEXT,
    opened_at         BIGINT NOT NULL,
    acknowledged_at   BIGINT,
    engaged_at        BIGINT,
    resolved_at       BIGINT,
    escalation_step   INTEGER NOT NULL,
    ack_breached      BOOLEAN NOT NULL,
    engage_breached   BOOLEAN NOT NULL,
    resolve_breached  BOOLEAN NOT NULL,
    event_count       INTEGER NOT NULL,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX incidents_status ON incidents (status);
-- one open incident per firing alert
CREATE UNIQUE INDEX incidents_open_alert ON incidents (alert_key) WHERE status <> 'resolved';
CREATE TABLE incident_events (
    incident_id  TEXT NOT NULL,
    n            INTEGER NOT NULL,
    at           BIGINT NOT NULL,
    type         TEXT NOT NULL,
    actor        TEXT NOT NULL,
    message      TEXT,
    PRIMARY KEY (incident_id, n)
);
