-- The state each sync's alerts last reported, so that an alert goes out once per change of state,
-- across restarts: ok, failed, errors, unknown, stale.
CREATE TABLE writeback.alert_states (
    sync  text        PRIMARY KEY,
    state text        NOT NULL,
    since timestamptz NOT NULL DEFAULT now()
);
