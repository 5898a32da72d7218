-- Two-way syncs: the payload a sync's pair last wrote into this record's source row, kept until this
-- sync reads the row back (an echo, not sent) or writes the record itself.
ALTER TABLE writeback.links ADD COLUMN echo_payload jsonb;
