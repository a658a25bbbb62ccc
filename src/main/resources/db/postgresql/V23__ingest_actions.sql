-- Every control and automatic action taken on a source (pause, resume, stop, trigger, auto-*),
-- with who or what took it and why.
CREATE TABLE ingest_actions (
    id        TEXT PRIMARY KEY,
    source_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    actor     TEXT NOT NULL,
    reason    TEXT,
    at        BIGINT NOT NULL
);
CREATE INDEX ingest_actions_source_time ON ingest_actions (source_id, at);
