-- The planner's estimate of the rows a run's query returns, for its progress and ETA while it runs.
ALTER TABLE writeback.runs ADD COLUMN rows_estimated bigint;
