package io.writeback.run;

/** Message headers with which a run is requested from outside the schedule. */
public final class RunHeaders {

    /** The id of a queued run that this exchange carries out. */
    public static final String RUN_ID = "WritebackRunId";

    /** The {@link RunScope} of the run; absent means every row. */
    public static final String SCOPE = "WritebackRunScope";

    /** A {@link io.writeback.kernel.RecordTrace} that wants every record's fate; a dry-run trace makes a preview. */
    public static final String TRACE = "WritebackTrace";

    /** True when the group this exchange runs was claimed for it already (a run asked for through the API). */
    public static final String GROUP_CLAIMED = "WritebackGroupClaimed";

    private RunHeaders() {
    }
}
