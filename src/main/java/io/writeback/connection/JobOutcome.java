package io.writeback.connection;

/**
 * How waiting for a job ended: its last status call, the state read from it, and the status calls made.
 *
 * @param lastStatus  the last status call; its {@code calls} are those of all the status calls, retries included
 * @param state       the job's state in it, empty when it holds none
 * @param statusCalls the status calls made
 */
public record JobOutcome(Ending ending, DeliveryResult lastStatus, String state, int statusCalls) {

    /** Why the waiting stopped. */
    public enum Ending {
        /** The job reached one of its done states. */
        DONE,
        /** The job reached one of its failed states. */
        FAILED,
        /** The job was still running when its time was up. */
        TIMED_OUT,
        /** A status call failed. */
        UNREADABLE
    }
}
