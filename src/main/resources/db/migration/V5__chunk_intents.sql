-- The inserts of a chunk about to be sent, one row per chunk instead of one pending link per record:
-- the row is deleted in the same statement that records the chunk's outcomes. A row still here when a
-- later run of the sync begins belongs to a run that ended before recording them; it is then turned
-- into pending links carrying each record's key (LinkStore.reclaimIntents).
CREATE TABLE writeback.intents (
    id          bigserial   PRIMARY KEY,
    sync        text        NOT NULL,
    run_id      bigint      NOT NULL,
    source_ids  text[]      NOT NULL,
    intent_keys text[]      NOT NULL,
    written_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intents_sync ON writeback.intents (sync);
