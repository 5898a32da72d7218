-- What ran before a run read its query: a refresh on the warehouse, an upstream job and how it ended.
ALTER TABLE writeback.runs ADD COLUMN before_report text;
