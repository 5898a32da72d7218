package io.writeback.run;

/** A sync is asked to run while a run of it is still going. */
public class RunInProgressException extends RuntimeException {

    public RunInProgressException(String sync, long activeRunId) {
        super("sync '" + sync + "' is already running (run " + activeRunId + ")");
    }
}
