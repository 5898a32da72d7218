package io.writeback.kernel;

/** How many Writeback instances share the state database now: what a per-destination limit is divided by. */
@FunctionalInterface
public interface ClusterSize {

    /** One alone. */
    ClusterSize ALONE = () -> 1;

    /** The live nodes, this one included; at least 1. */
    int liveNodes();
}
