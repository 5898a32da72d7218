package io.writeback.plan;

/** What the plan decided for one record. */
public enum Action {
    INSERT,
    UPDATE,
    /** Remove the record from the target (mode delete, or mirror when its row left the source). */
    DELETE,
    /** Mark the record archived in the target (mode mirror with vanished: archive). */
    ARCHIVE,
    /** The payload is what the target already holds. */
    UNCHANGED,
    /** The mode leaves this record alone (see the reason). */
    SKIP,
    INVALID
}
