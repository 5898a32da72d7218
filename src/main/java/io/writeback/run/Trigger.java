package io.writeback.run;

/** What started a run. */
public enum Trigger {
    SCHEDULE, API;

    public String dbValue() {
        return name().toLowerCase();
    }
}
