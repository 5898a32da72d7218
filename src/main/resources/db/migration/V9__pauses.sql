-- Syncs and groups an operator paused: schedules, groups and run-now leave them alone until resumed.
CREATE TABLE writeback.pauses (
    kind      text        NOT NULL CHECK (kind IN ('sync', 'group')),
    name      text        NOT NULL,
    paused_by text        NOT NULL,
    reason    text,
    paused_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, name)
);
