-- API keys: only a SHA-256 hash of the secret and a short display prefix are stored. The id is
-- the key's stable identity: rotation replaces hash and prefix, keeping id, usage and buckets.
-- Timestamps are epoch milliseconds; last_used_at is written in batches, not per request.

CREATE TABLE api_keys (
    id            TEXT PRIMARY KEY,
    key_hash      TEXT NOT NULL UNIQUE,
    display_prefix TEXT NOT NULL,
    name          TEXT NOT NULL,
    tier          TEXT NOT NULL,
    role          TEXT NOT NULL,
    contact       TEXT,
    use_case      TEXT,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT,
    revoked_at    BIGINT,
    rotated_at    BIGINT,
    last_used_at  BIGINT
);
CREATE INDEX api_keys_created_idx ON api_keys (created_at);
