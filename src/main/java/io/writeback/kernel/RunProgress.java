package io.writeback.kernel;

/** Makes a running run's progress visible and durable as its chunks settle. */
public interface RunProgress {

    /**
     * Called once a chunk's outcomes are recorded: saves the run's counts (so a run cut short keeps counts
     * that match its links) and moves the bookmark to the settled cursor.
     */
    void chunkSettled(RunContext run);
}
