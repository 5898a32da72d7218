package io.writeback.connection;

/** What an update does when its target record is gone (deleted by hand in the target, or never there). */
public enum OnMissing {
    /** Create the record again and link the row to the new one. */
    RECREATE,
    /** Forget the link and send nothing; mode upsert creates the record the next time its row is read. */
    UNLINK,
    /** Fail the record, as any destination error, until an operator forgets its link. */
    FAIL
}
