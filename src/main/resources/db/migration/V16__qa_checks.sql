-- QA checks of a sync's target records against its source rows, through the link table: each check's
-- progress while it runs, and its report (counts and the first records of each kind) once it ended.
CREATE TABLE writeback.qa_checks (
    id            bigserial   PRIMARY KEY,
    sync          text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
    requested_by  text        NOT NULL,
    sample        integer,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    results       jsonb,
    error         text
);
CREATE INDEX qa_checks_sync ON writeback.qa_checks (sync, id DESC);
