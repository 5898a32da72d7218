-- A record whose parent (through a relation to another sync) has no link yet waits: it is not sent
-- with a missing reference, and later runs try it again.
ALTER TABLE writeback.links DROP CONSTRAINT links_status_check;
ALTER TABLE writeback.links ADD CONSTRAINT links_status_check
    CHECK (status IN ('success', 'error', 'skipped-same-hash', 'pending', 'deleted', 'waiting'));

ALTER TABLE writeback.runs ADD COLUMN waiting bigint NOT NULL DEFAULT 0;
