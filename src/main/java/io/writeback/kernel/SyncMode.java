package io.writeback.kernel;

/** What a sync does with each source row. */
public enum SyncMode {
    /** Create rows that have no link; linked rows are left alone. */
    INSERT,
    /** Update linked rows whose payload changed; rows without a link are skipped. */
    UPDATE,
    /** Insert or update as needed. */
    UPSERT,
    /** Delete in the target the rows the query returns, through their links. */
    DELETE,
    /** Upsert, and delete or archive in the target the records whose rows left the source. */
    MIRROR
}
