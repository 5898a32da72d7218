package io.writeback.plan;

/** What the plan decided for one record. */
public enum Action {
    INSERT, UPDATE,
    /** The payload is what the target already holds. */
    UNCHANGED,
    /** The mode leaves this record alone (see the reason). */
    SKIP,
    INVALID
}
