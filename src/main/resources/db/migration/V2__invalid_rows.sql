-- Source rows a run could not send (null or repeated key), kept for the people who fix the source.
CREATE TABLE writeback.invalid_rows (
    id        bigserial   PRIMARY KEY,
    sync      text        NOT NULL,
    run_id    bigint      NOT NULL,
    source_id text,
    reason    text        NOT NULL,
    row_data  jsonb,
    found_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invalid_rows_run ON writeback.invalid_rows (run_id, id);

CREATE INDEX links_sync_last_run ON writeback.links (sync, last_run_id);
