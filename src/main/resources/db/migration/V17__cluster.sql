-- The Writeback instances (nodes) that share this database, each with its heartbeat on the database's clock.
CREATE TABLE writeback.nodes (
    id            text        PRIMARY KEY,
    started_at    timestamptz NOT NULL,
    heartbeat_at  timestamptz NOT NULL,
    stopped_at    timestamptz
);

-- Who runs what, across every node: at most one run per sync (and per group) at a time. A sync of a
-- two-way pair claims its pair too, held for the sync that runs (holder).
CREATE TABLE writeback.run_claims (
    kind        text        NOT NULL CHECK (kind IN ('sync', 'group')),
    name        text        NOT NULL,
    holder      text        NOT NULL,
    run_id      bigint,
    node        text        NOT NULL,
    claimed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, name)
);
CREATE INDEX run_claims_node ON writeback.run_claims (node);

-- The node a run was queued on and runs on; for a scheduled run, the slot it was fired for.
ALTER TABLE writeback.runs ADD COLUMN node text, ADD COLUMN scheduled_for timestamptz;
CREATE INDEX runs_open_node ON writeback.runs (node) WHERE status IN ('queued', 'running');
