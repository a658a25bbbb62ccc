-- Feature flags: runtime overrides (the highest layer of flag resolution) and their audit trail.
-- Every node polls feature_flag_overrides, so an override reaches the whole fleet within the
-- poll interval and survives restarts. History rows are append-only.

CREATE TABLE feature_flag_overrides (
    flag        TEXT PRIMARY KEY,
    enabled     BOOLEAN NOT NULL,
    reason      TEXT,
    updated_by  TEXT    NOT NULL,
    updated_at  BIGINT  NOT NULL
);

CREATE TABLE feature_flag_history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    flag        TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    old_value   BOOLEAN NOT NULL,
    new_value   BOOLEAN NOT NULL,
    actor       TEXT    NOT NULL,
    reason      TEXT,
    changed_at  BIGINT  NOT NULL
);
CREATE INDEX feature_flag_history_flag ON feature_flag_history (flag, id);
