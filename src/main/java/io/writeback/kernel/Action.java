package io.writeback.kernel;

/** What the plan decided for one record. */
public enum Action {
    INSERT,
    UPDATE,
    /** Remove the record from the target (mode delete, or mirror when its row left the source). */
    DELETE,
    /** Mark the record archived in the target (mode mirror with vanished: archive). */
    ARCHIVE,
    /** An insert was sent before but its outcome never recorded: re-send it under its key, look it up, or report it. */
    RECOVER,
    /** The payload is what the target already holds. */
    UNCHANGED,
    /** The row holds what the paired sync wrote into it: nothing to send back. */
    ECHO,
    /** The mode leaves this record alone (see the reason). */
    SKIP,
    /** Its target record is gone and its link is forgotten, as its object's on-missing says: nothing is sent. */
    UNLINK,
    /** A record it refers to through a relation has no link yet: not sent now, tried again by later runs. */
    WAIT,
    INVALID
}
