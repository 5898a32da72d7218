-- Writeback state: everything a run needs to know what it did before.
CREATE SCHEMA IF NOT EXISTS writeback;

-- One row per source record per sync: what the target holds for it and how it got there.
CREATE TABLE writeback.links (
    sync             text        NOT NULL,
    source_id        text        NOT NULL,
    target_id        text,
    status           text        NOT NULL CHECK (status IN ('success', 'error', 'skipped-same-hash', 'pending', 'deleted')),
    payload_hash     text,
    first_synced_at  timestamptz,
    last_synced_at   timestamptz,
    last_error       text,
    attempts         integer     NOT NULL DEFAULT 0,
    last_run_id      bigint,
    PRIMARY KEY (sync, source_id)
);
CREATE INDEX links_sync_target ON writeback.links (sync, target_id);
CREATE INDEX links_sync_status ON writeback.links (sync, status) WHERE status <> 'success';

CREATE TABLE writeback.runs (
    id           bigserial   PRIMARY KEY,
    sync         text        NOT NULL,
    trigger      text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'completed_with_errors', 'failed', 'interrupted')),
    queued_at    timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz,
    rows_read    bigint      NOT NULL DEFAULT 0,
    inserted     bigint      NOT NULL DEFAULT 0,
    updated      bigint      NOT NULL DEFAULT 0,
    deleted      bigint      NOT NULL DEFAULT 0,
    skipped      bigint      NOT NULL DEFAULT 0,
    failed       bigint      NOT NULL DEFAULT 0,
    invalid      bigint      NOT NULL DEFAULT 0,
    http_calls   bigint      NOT NULL DEFAULT 0,
    error        text
);
CREATE INDEX runs_sync_id ON writeback.runs (sync, id DESC);

-- High-watermark of an incremental sync, in the text form of the cursor column's value.
CREATE TABLE writeback.bookmarks (
    sync         text        PRIMARY KEY,
    cursor_value text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    run_id       bigint
);

CREATE TABLE writeback.dead_letters (
    id              bigserial   PRIMARY KEY,
    sync            text        NOT NULL,
    run_id          bigint,
    source_id       text        NOT NULL,
    action          text        NOT NULL,
    request_method  text,
    request_url     text,
    request_body    text,
    response_status integer,
    response_body   text,
    error           text,
    attempts        integer     NOT NULL DEFAULT 1,
    failed_at       timestamptz NOT NULL DEFAULT now(),
    replay_state    text        NOT NULL DEFAULT 'pending' CHECK (replay_state IN ('pending', 'replayed', 'discarded'))
);
CREATE INDEX dead_letters_sync ON writeback.dead_letters (sync, replay_state, id);

-- Every change of a sync file as Writeback saw it at startup.
CREATE TABLE writeback.sync_versions (
    id          bigserial   PRIMARY KEY,
    sync        text        NOT NULL,
    file        text        NOT NULL,
    content     text        NOT NULL,
    hash        text        NOT NULL,
    note        text,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_versions_sync ON writeback.sync_versions (sync, id DESC);

-- Per-sync views of the link table, for analysts; Writeback (re)creates one per sync at startup.
CREATE SCHEMA IF NOT EXISTS link_tables;

-- The sandbox destination served by Writeback itself under /sandbox/{object}.
CREATE SCHEMA IF NOT EXISTS sandbox;
CREATE TABLE sandbox.records (
    object     text        NOT NULL,
    id         bigserial   PRIMARY KEY,
    data       jsonb       NOT NULL,
    version    integer     NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX records_object ON sandbox.records (object, id);
