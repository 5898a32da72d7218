package io.writeback.kernel;

/** What a run does when a record fails. */
public enum ErrorPolicy {
    /** Record the failure (link status error, dead letter) and go on with the next record. */
    CONTINUE,
    /** Record the failure and end the run there; the bookmark stays at what is settled. */
    STOP
}
