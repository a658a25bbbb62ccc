-- Ingestion sources registry: one row per <merchant>_<cc> source. Health columns are written
-- after each run; status/paused_reason survive restarts (R6).
CREATE TABLE ingest_sources (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    url              TEXT NOT NULL,
    country_code     TEXT NOT NULL,
    region           TEXT NOT NULL,
    currency         TEXT NOT NULL,
    interval_minutes INTEGER NOT NULL,
    options          TEXT,
    status           TEXT NOT NULL DEFAULT 'active',
    paused_reason    TEXT,
    quality_score    DOUBLE PRECISION,
    stale_share      DOUBLE PRECISION,
    error_rate       DOUBLE PRECISION,
    last_run_id      TEXT,
    last_run_at      BIGINT,
    last_success_at  BIGINT,
    next_run_at      BIGINT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
