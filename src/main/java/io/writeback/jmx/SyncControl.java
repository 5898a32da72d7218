package io.writeback.jmx;

import io.writeback.deadletter.DeadLetters;
import io.writeback.monitoring.SyncHealth;
import io.writeback.run.ActiveRuns;
import io.writeback.run.Pauses;
import io.writeback.run.RunLedger;
import io.writeback.run.SyncOperations;
import io.writeback.source.Bookmarks;

/** One sync's MBean: attributes read from the state database, operations through {@link SyncOperations}. */
final class SyncControl implements SyncControlMBean {

    private final String sync;
    private final WritebackServices services;

    SyncControl(String sync, WritebackServices services) {
        this.sync = sync;
        this.services = services;
    }

    @Override
    public String getState() {
        return services.health().of(sync).state();
    }

    @Override
    public String getPaused() {
        return services.pauses().of(Pauses.Kind.SYNC, sync).map(Pauses.Pause::describe).orElse("");
    }

    @Override
    public String getLastRunStatus() {
        return services.ledger().last(sync).map(run -> run.status()).orElse("");
    }

    @Override
    public String getLastRunCounts() {
        return services.ledger().last(sync).map(run -> run.counts().summary()).orElse("");
    }

    @Override
    public long getPendingDeadLetters() {
        return services.deadLetters().countPending(sync);
    }

    @Override
    public String getRunningNow() {
        return services.activeRuns().running(sync).map(claim -> "run " + claim.runId() + " on node " + claim.node()).orElse("");
    }

    @Override
    public String getBookmark() {
        return services.bookmarks().of(sync).orElse("");
    }

    @Override
    public long runNow() {
        return Operators.refusing(() -> services.operations().runNow(sync));
    }

    @Override
    public long resync() {
        return Operators.refusing(() -> services.operations().resync(sync));
    }

    @Override
    public String pause(String reason) {
        return Operators.refusing(() -> "paused " + services.operations()
                .pause(Pauses.Kind.SYNC, sync, Operators.current(), reason).describe());
    }

    @Override
    public String resume() {
        return Operators.refusing(() -> services.operations().resume(Pauses.Kind.SYNC, sync, Operators.current()) ? "resumed" : "was not paused");
    }

    @Override
    public String replayDeadLetters() {
        return Operators.refusing(() -> services.operations().replay(sync, null)
                .map(replay -> "run " + replay.runId() + " replays " + replay.records() + " record(s)")
                .orElse("no pending dead letters"));
    }

    /** The services the MBeans of one Writeback read and act through. */
    record WritebackServices(SyncOperations operations, SyncHealth health, Pauses pauses, RunLedger ledger,
            DeadLetters deadLetters, Bookmarks bookmarks, ActiveRuns activeRuns) {
    }
}
