-- Ingestion workers register and heartbeat here; a worker whose heartbeat is older than the
-- dead-after window is presumed dead and its running runs are re-queued.
CREATE TABLE ingest_workers (
    id                   TEXT PRIMARY KEY,
    host                 TEXT NOT NULL,
    region               TEXT NOT NULL,
    state                TEXT NOT NULL,
    current_run_id       TEXT,
    started_at           BIGINT NOT NULL,
    heartbeat_at         BIGINT NOT NULL,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error           TEXT,
    stopped_at           BIGINT
);
