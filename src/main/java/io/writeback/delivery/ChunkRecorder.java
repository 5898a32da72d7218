package io.writeback.delivery;

import io.writeback.deadletter.DeadLetters;
import io.writeback.deadletter.InvalidRows;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.RunCounts;
import io.writeback.kernel.RunProgress;
import io.writeback.link.LinkStore;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what became of one chunk in one transaction: its links (settling its intents), dead letters and
 * invalid rows, then the run's counts and bookmark. A run cut short at any moment leaves counts and a
 * bookmark that match its links.
 */
@Component
class ChunkRecorder {

    private final LinkStore links;
    private final DeadLetters deadLetters;
    private final InvalidRows invalidRows;
    private final RunProgress progress;
    private final TransactionTemplate transaction;

    ChunkRecorder(LinkStore links, DeadLetters deadLetters, InvalidRows invalidRows, RunProgress progress,
            PlatformTransactionManager transactions) {
        this.links = links;
        this.deadLetters = deadLetters;
        this.invalidRows = invalidRows;
        this.progress = progress;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** {@code counts}: the chunk's, added to the run's; {@code intentsIds}: the notes of its inserts, now settled. */
    void record(RunContext run, ChunkOutcomes outcomes, RunCounts counts, List<Long> intentsIds, LinkStore.ChunkNotes notes) {
        transaction.executeWithoutResult(status -> {
            links.record(run.linkSync(), run.runId(), outcomes.links, intentsIds, notes);
            deadLetters.record(run.sync(), run.runId(), outcomes.failures);
            invalidRows.record(run.sync(), run.runId(), outcomes.invalid);
            run.counts().add(counts.totals());
            run.settledUpTo(outcomes.settledCursor());
            progress.chunkSettled(run);
        });
    }
}
