package io.writeback.jmx;

/** One sync in JMX ({@code io.writeback:type=Sync,name=<sync>}), as Hawtio shows it: its state and what an operator may do. */
public interface SyncControlMBean {

    /** stopped, paused, failing, stale, never-run or ok. */
    String getState();

    /** Who paused it, since when and why; empty when it runs. */
    String getPaused();

    String getLastRunStatus();

    /** The last run's counts, in a sentence. */
    String getLastRunCounts();

    long getPendingDeadLetters();

    /** The run going now and the node that runs it, on any node of the cluster; empty when none. */
    String getRunningNow();

    /** Where incremental runs start; empty without one. */
    String getBookmark();

    /** Queues a run now; its id. */
    long runNow();

    /** Forgets the bookmark and queues a run over every row; its id. */
    long resync();

    /** Pauses the sync, saying why (may be empty); the pause as kept. */
    String pause(String reason);

    String resume();

    /** Replays every pending dead letter; what was queued. */
    String replayDeadLetters();
}
