package io.writeback.run;

/** A sync's route exists but is not started, so it cannot run. */
public class SyncNotStartedException extends RuntimeException {

    public SyncNotStartedException(String sync) {
        super("the route of sync '" + sync + "' is not started");
    }
}
