package io.writeback.run;

/** A sync is asked to run while a run of it, or of its two-way pair, is still going. */
public class RunInProgressException extends RuntimeException {

    private final String busySync;

    public RunInProgressException(String sync, long activeRunId) {
        this(sync, sync, activeRunId);
    }

    /** @param busySync the sync whose run is going: {@code sync}, or its pair */
    public RunInProgressException(String sync, String busySync, long activeRunId) {
        super(sync.equals(busySync) ? "sync '" + sync + "' is already running (run " + activeRunId + ")"
                : "sync '" + sync + "' cannot run while its pair '" + busySync + "' runs (run " + activeRunId + ")");
        this.busySync = busySync;
    }

    public String busySync() {
        return busySync;
    }
}
