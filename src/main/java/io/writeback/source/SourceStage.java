package io.writeback.source;

import io.writeback.kernel.ChunkChain;
import io.writeback.kernel.DeferredPages;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.RunStarter;
import io.writeback.kernel.Stage;
import io.writeback.kernel.SyncMode;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.LinkScans;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code writeback:source}: begins a run and leaves the rows it reads, as an iterator of chunks, in
 * the body: from the bookmark on, then the rows that failed before (incremental syncs); every row
 * (full syncs), then for mode mirror the records whose rows are gone; or the rows of the run's keys
 * (replays, one-record runs).
 */
@Component
public class SourceStage implements Stage<SourceOptions> {

    private final RunStarter runs;
    private final Bookmarks bookmarks;
    private final SourceReader reader;
    private final LinkScans links;
    private final BeforeReading before;

    public SourceStage(RunStarter runs, Bookmarks bookmarks, SourceReader reader, LinkScans links, BeforeReading before) {
        this.before = before;
        this.runs = runs;
        this.bookmarks = bookmarks;
        this.reader = reader;
        this.links = links;
    }

    @Override
    public String name() {
        return SourceOptions.STAGE;
    }

    @Override
    public Processor processor(SourceOptions options) {
        return exchange -> {
            Optional<RunContext> started = runs.begin(exchange, options.spec());
            exchange.getMessage().setBody(started.map(run -> rows(run, options)).orElse(Collections.emptyIterator()));
        };
    }

    private void notePassesNotPreviewed(RunContext run, String bookmark) {
        if (run.spec().mode() == SyncMode.MIRROR && links.countInTarget(run.linkSync()) > 0) {
            run.trace().finding("mode mirror: the " + run.spec().vanished().name().toLowerCase()
                    + " of records whose rows left the source is not previewed");
        }
        long failed = bookmark == null ? 0 : links.countFailed(run.linkSync());
        if (failed > 0) {
            run.trace().finding(failed + " record(s) that failed before and are behind the bookmark will be retried;"
                    + " they are not previewed");
        }
    }

    /**
     * A row as it was when its payload was sent is unchanged, whatever the payload, when the route tells all that
     * payloads are made of (mode delete sends whatever the row; a QA check or a replay wants every payload). In
     * Writeback's database, PostgreSQL keeps such rows back; from another warehouse they are read, and their links
     * decide (but for mode insert, where the plan skips a linked record anyway, and for relations: there the row
     * hash cannot hold the parents' target ids, which the links of another database keep).
     */
    private void decideUnchangedByRowHash(RunContext run, SourceOptions options) {
        SyncMode mode = run.spec().mode();
        if (!options.isDiffInDatabase() || mode == SyncMode.DELETE || !run.scope().all() || !run.recipe().complete()) {
            return;
        }
        if (reader.joinsLinks()) {
            run.keepUnchangedBack();
        } else if (mode != SyncMode.INSERT && run.recipe().references().isEmpty()) {
            run.decideUnchangedByLinks();
        }
    }

    private Iterator<List<SyncRecord>> rows(RunContext run, SourceOptions options) {
        if (run.scope().keys() != null) {
            RowStream keyed = reader.openKeys(run, options, run.scope().keys());
            run.attach(keyed);
            return keyed;
        }
        if (run.dryRun()) {
            String planned = before.describe(options);
            if (planned != null) {
                run.trace().finding(planned);
            }
        } else {
            run.noteBefore(before.run(run.sync(), options));
        }
        String bookmark = run.spec().incremental() && !run.scope().everyRow() ? bookmarks.of(run.sync()).orElse(null) : null;
        decideUnchangedByRowHash(run, options);
        // With rows kept back, the query's size tells how many the run reads only while nothing is linked yet.
        if (!run.dryRun() && (!run.unchangedKeptBack() || !links.anyOf(run.linkSync()))) {
            run.estimateRows(reader.estimateRows(options, bookmark));
        }
        RowStream rows = reader.open(run, options, bookmark, run.scope().firstRows());
        run.attach(rows);
        int pageSize = run.spec().chunkSize();
        if (run.dryRun()) {
            notePassesNotPreviewed(run, bookmark);
            if (run.unchangedKeptBack() && links.anyOf(run.linkSync())) {
                run.trace().finding("rows unchanged since they were sent are kept back in the database: they are not read,"
                        + " and not counted here");
            }
            return rows;
        }
        if (run.spec().mode() == SyncMode.MIRROR) {
            return new ChunkChain(rows, new DeferredPages(new VanishedRecords(run, links, reader, options), pageSize));
        }
        if (bookmark == null) {
            return run.spec().incremental() && run.unchangedKeptBack()
                    ? new ChunkChain(rows, new DeferredPages(new KeptBackBookmark(run, reader, options), pageSize))
                    : rows;
        }
        return new ChunkChain(rows, new DeferredPages(new FailedRowRetries(run, links, reader, options), pageSize));
    }
}
