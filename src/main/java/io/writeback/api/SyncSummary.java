package io.writeback.api;

import io.writeback.run.Pauses;
import io.writeback.run.RunView;
import io.writeback.sync.SyncDefinition;

/** A sync as {@code GET /api/syncs} lists it; {@code paused} is null unless an operator paused it. */
record SyncSummary(String name, String description, String file, String mode, String schedule, String cursor,
        String connection, String object, Long activeRunId, RunView lastRun, Pauses.Pause paused) {

    static SyncSummary of(SyncDefinition sync, Long activeRunId, RunView lastRun, Pauses.Pause paused) {
        return new SyncSummary(sync.name(), sync.description(), sync.file().toString(),
                sync.source().getMode().name().toLowerCase(), sync.schedule(), sync.source().getCursor(),
                sync.deliver().getConnection(), sync.deliver().getObject(), activeRunId, lastRun, paused);
    }
}
