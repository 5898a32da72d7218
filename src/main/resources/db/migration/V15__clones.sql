-- Temporary copies of syncs (made through the API), each delivering to a sandbox or test connection with
-- links of its own; its sync file text is kept here, so that a restart loads it again until it expires.
CREATE TABLE writeback.clones (
    name        text        PRIMARY KEY,
    original    text        NOT NULL,
    connection  text        NOT NULL,
    object      text        NOT NULL,
    file        text        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
