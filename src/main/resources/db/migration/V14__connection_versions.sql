-- Every change of a connection's settings as Writeback saw it at startup, without secrets.
CREATE TABLE writeback.connection_versions (
    id          bigserial   PRIMARY KEY,
    connection  text        NOT NULL,
    content     text        NOT NULL,
    hash        text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connection_versions_connection ON writeback.connection_versions (connection, id DESC);
