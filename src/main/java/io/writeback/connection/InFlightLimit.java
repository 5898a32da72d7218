package io.writeback.connection;

import io.writeback.kernel.ClusterSize;

/**
 * Calls under way at once on a connection: at most its {@code max-in-flight}, divided among the live nodes of the
 * cluster (at least one each), whichever syncs make them. A caller over the limit waits in its own thread.
 */
final class InFlightLimit {

    private final int max;
    private final ClusterSize cluster;
    private int inFlight;

    InFlightLimit(int max, ClusterSize cluster) {
        this.max = max;
        this.cluster = cluster;
    }

    /** This node's share of the connection's calls in flight. */
    int share() {
        return Math.max(1, max / cluster.liveNodes());
    }

    synchronized void acquire() {
        boolean interrupted = false;
        while (inFlight >= share()) {
            try {
                wait(1000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        inFlight++;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void release() {
        inFlight--;
        notifyAll();
    }
}
