-- Source ids compare by their bytes (collation "C"): the order in which a full run merges a sync's links
-- with its rows read in key order (LinkCursor). The primary key's index then hands a sync's links out in
-- that order as they are read, where they had to be sorted first. Equality is the same in every
-- deterministic collation, so no lookup changes; only an ORDER BY source_id now follows the bytes.
ALTER TABLE writeback.links ALTER COLUMN source_id TYPE text COLLATE "C";
