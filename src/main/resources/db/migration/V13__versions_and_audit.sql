-- Who changed a sync file, and why: from the file's "# note:" comment, or from the git commit that last touched it.
ALTER TABLE writeback.sync_versions ADD COLUMN author text;
ALTER TABLE writeback.sync_versions ADD COLUMN commit_id text;
-- The version of its sync file each run ran.
ALTER TABLE writeback.runs ADD COLUMN sync_version_id bigint;
-- What operators did to a sync through Writeback (pause, resume, seeding, forgetting links), with who and why.
CREATE TABLE writeback.sync_audit (
    id     bigserial   PRIMARY KEY,
    sync   text        NOT NULL,
    action text        NOT NULL,
    author text        NOT NULL,
    note   text,
    at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_audit_sync ON writeback.sync_audit (sync, id DESC);
