package io.writeback.run;

/** Where a run is; the last three are final. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, COMPLETED_WITH_ERRORS, FAILED, INTERRUPTED;

    public String dbValue() {
        return name().toLowerCase();
    }
}
