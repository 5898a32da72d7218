-- Write back of target ids: set while a new record's target id is owed to the source (the last attempt
-- failed, with why); cleared once it is written back. Later runs try again.
ALTER TABLE writeback.links ADD COLUMN write_back_error text;
