-- Ingestion runs double as the work queue: status queued -> running -> a final status.
-- The partial unique index makes "one queued-or-running run per source" a database invariant,
-- so two workers can never run the same source at once, in either dialect.
CREATE TABLE ingest_runs (
    id               TEXT PRIMARY KEY,
    source_id        TEXT NOT NULL,
    trigger          TEXT NOT NULL,
    status           TEXT NOT NULL,
    attempt          INTEGER NOT NULL DEFAULT 1,
    max_attempts     INTEGER NOT NULL,
    worker_id        TEXT,
    queued_at        BIGINT NOT NULL,
    not_before       BIGINT NOT NULL,
    started_at       BIGINT,
    heartbeat_at     BIGINT,
    finished_at      BIGINT,
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
    rows_seen        INTEGER NOT NULL DEFAULT 0,
    rows_inserted    INTEGER NOT NULL DEFAULT 0,
    rows_updated     INTEGER NOT NULL DEFAULT 0,
    rows_unchanged   INTEGER NOT NULL DEFAULT 0,
    rows_failed      INTEGER NOT NULL DEFAULT 0,
    rows_with_image  INTEGER NOT NULL DEFAULT 0,
    rows_deactivated INTEGER NOT NULL DEFAULT 0,
    error_samples    TEXT,
    error_summary    TEXT
);
CREATE UNIQUE INDEX ingest_runs_one_active ON ingest_runs (source_id) WHERE status IN ('queued', 'running');
CREATE INDEX ingest_runs_source_time ON ingest_runs (source_id, queued_at);
CREATE INDEX ingest_runs_status ON ingest_runs (status, not_before);
