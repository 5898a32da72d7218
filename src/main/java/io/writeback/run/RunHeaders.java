package io.writeback.run;

/** Message headers with which a run is requested from outside the schedule. */
public final class RunHeaders {

    /** The id of a queued run that this exchange carries out. */
    public static final String RUN_ID = "WritebackRunId";

    private RunHeaders() {
    }
}
