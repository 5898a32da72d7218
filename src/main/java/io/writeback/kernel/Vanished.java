package io.writeback.kernel;

/** What mode mirror does to a target record whose source row is gone. */
public enum Vanished {
    /** Delete it through the object's delete endpoint. */
    DELETE,
    /** Keep it, and set {@code archiveField} to {@code archiveValue} through the update endpoint. */
    ARCHIVE
}
