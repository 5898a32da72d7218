package io.writeback.run;

import io.writeback.deadletter.DeadLetters;
import io.writeback.kernel.RunScope;
import io.writeback.source.Bookmarks;
import io.writeback.sync.SyncAudit;
import io.writeback.sync.SyncCatalog;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What an operator may do to syncs and groups, whichever way they ask (the REST API, JMX through
 * Hawtio, the command line): run now, resync, replay dead letters, pause and resume. Each checks the
 * name, refuses while a run is going or the sync is paused, and names why.
 */
@Service
public class SyncOperations {

    /** Records one replay reads again at most; replay again for the rest. */
    public static final int MAX_REPLAY = 10_000;

    private final SyncCatalog catalog;
    private final RunLauncher launcher;
    private final ActiveRuns activeRuns;
    private final Bookmarks bookmarks;
    private final DeadLetters deadLetters;
    private final Pauses pauses;
    private final SyncAudit audit;

    public SyncOperations(SyncCatalog catalog, RunLauncher launcher, ActiveRuns activeRuns, Bookmarks bookmarks,
            DeadLetters deadLetters, Pauses pauses, SyncAudit audit) {
        this.audit = audit;
        this.catalog = catalog;
        this.launcher = launcher;
        this.activeRuns = activeRuns;
        this.bookmarks = bookmarks;
        this.deadLetters = deadLetters;
        this.pauses = pauses;
    }

    /** Queues a run of every row; its id. */
    public long runNow(String sync) {
        return launcher.launch(sync);
    }

    /** Forgets the bookmark and queues a run over every row (unchanged rows are still skipped by their hash); its id. */
    public long resync(String sync) {
        requireSync(sync);
        activeRuns.refuseIfRunning(sync);
        pauses.of(Pauses.Kind.SYNC, sync).ifPresent(pause -> {
            throw new PausedException(Pauses.Kind.SYNC, sync, pause);
        });
        bookmarks.reset(sync);
        return launcher.launch(sync, Trigger.RESYNC, RunScope.ALL);
    }

    /** A replay queued: its run and how many records it reads again. */
    public record Replay(long runId, int records) {
    }

    /**
     * Queues a run that reads again, by key, the records of the pending dead letters ({@code ids}, or all
     * when null), up to {@link #MAX_REPLAY}; empty when there are none.
     */
    public Optional<Replay> replay(String sync, List<Long> ids) {
        requireSync(sync);
        List<String> sourceIds = deadLetters.pendingSourceIds(sync, ids, MAX_REPLAY);
        if (sourceIds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Replay(launcher.launch(sync, Trigger.REPLAY, RunScope.keys(sourceIds)), sourceIds.size()));
    }

    /** Runs the group's syncs one after the other, in the background. */
    public void runGroup(String group) {
        launcher.launchGroup(group);
    }

    public Pauses.Pause pause(Pauses.Kind kind, String name, String by, String reason) {
        requireName(kind, name);
        Pauses.Pause pause = pauses.pause(kind, name, by, reason == null || reason.isBlank() ? null : reason);
        if (kind == Pauses.Kind.SYNC) {
            audit.record(name, "paused", by, pause.reason());
        }
        return pause;
    }

    /** Resumes it; false when it was not paused. */
    public boolean resume(Pauses.Kind kind, String name, String by) {
        requireName(kind, name);
        boolean resumed = pauses.resume(kind, name);
        if (resumed && kind == Pauses.Kind.SYNC) {
            audit.record(name, "resumed", by, null);
        }
        return resumed;
    }

    private void requireName(Pauses.Kind kind, String name) {
        if (kind == Pauses.Kind.SYNC) {
            requireSync(name);
        } else {
            catalog.findGroup(name).orElseThrow(() -> new UnknownGroupException(name));
        }
    }

    private void requireSync(String sync) {
        catalog.find(sync).orElseThrow(() -> new UnknownSyncException(sync));
    }
}
