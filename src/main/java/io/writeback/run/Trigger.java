package io.writeback.run;

/** What started a run. */
public enum Trigger {
    /** The sync's quartz or timer trigger. */
    SCHEDULE,
    /** {@code POST /api/syncs/{name}/runs}. */
    API,
    /** {@code POST /api/syncs/{name}/resync}: a run from an empty bookmark. */
    RESYNC,
    /** {@code POST /api/syncs/{name}/dead-letters/replay}. */
    REPLAY,
    /** {@code POST /api/syncs/{name}/records/{id}/sync}. */
    RECORD,
    /** A group's trigger, which runs its syncs in order. */
    GROUP,
    /** Another node's run of the sync, cut short when that node died, run again here. */
    RECOVERY;

    public String dbValue() {
        return name().toLowerCase();
    }
}
