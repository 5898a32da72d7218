package io.writeback.run;

/** Where a run is; every status but queued and running is final. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, COMPLETED_WITH_ERRORS, FAILED, INTERRUPTED;

    public String dbValue() {
        return name().toLowerCase();
    }
}
