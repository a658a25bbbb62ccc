-- Alert evaluator state, one row per (rule, level, series). Kept in the database so that a restart
-- (or another node) does not re-page for an alert that already fired; state transitions are
-- conditional updates, so of several nodes evaluating at once only one announces a transition.
CREATE TABLE alert_states (
    alert_key     TEXT PRIMARY KEY,
    rule          TEXT NOT NULL,
    level         TEXT NOT NULL,
    labels        TEXT NOT NULL,
    state         TEXT NOT NULL,
    value         DOUBLE PRECISION,
    active_since  BIGINT NOT NULL,
    fired_at      BIGINT,
    resolved_at   BIGINT,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX alert_states_state ON alert_states (state);
