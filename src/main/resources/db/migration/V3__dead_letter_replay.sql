-- A dead letter is settled by the run in which its record next synced, by a replay or any later run.
ALTER TABLE writeback.dead_letters ADD COLUMN settled_at timestamptz;
ALTER TABLE writeback.dead_letters ADD COLUMN settled_by_run_id bigint;
