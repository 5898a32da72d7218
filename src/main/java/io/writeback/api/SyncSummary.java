package io.writeback.api;

import io.writeback.run.ActiveRuns;
import io.writeback.run.Pauses;
import io.writeback.run.RunView;
import io.writeback.sync.SyncDefinition;
import java.util.Optional;

/**
 * A sync as {@code GET /api/syncs} lists it: {@code activeRunId} and {@code activeNode} name the run going now and
 * the node that runs it, on any node; {@code paused} is null unless an operator paused it.
 */
record SyncSummary(String name, String description, String file, String mode, String schedule, String cursor,
        String connection, String object, Long activeRunId, String activeNode, RunView lastRun, Pauses.Pause paused) {

    static SyncSummary of(SyncDefinition sync, Optional<ActiveRuns.Claim> running, RunView lastRun, Pauses.Pause paused) {
        return new SyncSummary(sync.name(), sync.description(), sync.file().toString(),
                sync.source().getMode().name().toLowerCase(), sync.schedule(), sync.source().getCursor(),
                sync.deliver().getConnection(), sync.deliver().getObject(), running.map(ActiveRuns.Claim::runId).orElse(null),
                running.map(ActiveRuns.Claim::node).orElse(null), lastRun, paused);
    }
}
