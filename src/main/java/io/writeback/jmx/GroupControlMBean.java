package io.writeback.jmx;

/** One group in JMX ({@code io.writeback:type=Group,name=<group>}). */
public interface GroupControlMBean {

    /** Its syncs, in the order run. */
    String getSyncs();

    boolean isRunning();

    /** Who paused it, since when and why; empty when it runs. */
    String getPaused();

    /** Runs its syncs one after the other, in the background. */
    String runNow();

    String pause(String reason);

    String resume();
}
