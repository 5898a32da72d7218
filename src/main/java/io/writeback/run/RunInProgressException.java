package io.writeback.run;

/** A sync is asked to run while a run of it, or of its two-way pair, is still going, on this node or another. */
public class RunInProgressException extends RuntimeException {

    private final String busySync;

    /** A refusal for the run that holds {@code sync}'s claim. */
    public RunInProgressException(String sync, ActiveRuns.Claim claim) {
        super((sync.equals(claim.sync()) ? "sync '" + sync + "' is already running"
                : "sync '" + sync + "' cannot run while its pair '" + claim.sync() + "' runs")
                + (claim.runId() > 0 ? " (run " + claim.runId() + " on node " + claim.node() + ")"
                        : claim.runId() < 0 ? " (a run being queued on node " + claim.node() + ")" : " (it ended just now: ask again)"));
        this.busySync = claim.sync();
    }

    public String busySync() {
        return busySync;
    }
}
