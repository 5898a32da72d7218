-- The hash of the source row (and of the parents' links it refers to) that each link's payload hash was
-- made from: a run whose warehouse is this database keeps back, inside PostgreSQL, every row whose hash
-- is still the one its in-sync link holds.
ALTER TABLE writeback.links ADD COLUMN row_hash bigint;

-- Whether a run let PostgreSQL keep unchanged rows back: its counts are then of the rows it read.
ALTER TABLE writeback.runs ADD COLUMN unchanged_kept_back boolean NOT NULL DEFAULT false;

-- No statement looks links up by their last run (each reads a link by its key), while every link write
-- paid for keeping this index up to date.
DROP INDEX writeback.links_sync_last_run;
