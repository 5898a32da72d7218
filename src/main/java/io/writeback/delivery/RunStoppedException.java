package io.writeback.delivery;

import io.writeback.kernel.RunContext;

/** A record failed in a sync whose error policy is stop: the run ends there. */
public class RunStoppedException extends RuntimeException {

    public RunStoppedException(RunContext run, String sourceId, String error) {
        super("sync " + run.sync() + ": stopped at the first record that failed (errorPolicy: stop): source id "
                + sourceId + ": " + error);
    }
}
