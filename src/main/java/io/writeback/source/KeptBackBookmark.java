package io.writeback.source;

import io.writeback.kernel.DeferredPages;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.SyncRecord;
import java.util.List;

/**
 * The last pass of an incremental run that had no bookmark and kept unchanged rows back in the database:
 * no rows, but the bookmark set past the highest of those rows (they are settled), so that the next run
 * reads from there rather than querying every row again. Rows that came or changed since are not kept
 * back, so they cannot lift the bookmark over themselves.
 */
final class KeptBackBookmark implements DeferredPages.PageSource {

    private final RunContext run;
    private final SourceReader reader;
    private final SourceOptions source;

    KeptBackBookmark(RunContext run, SourceReader reader, SourceOptions source) {
        this.run = run;
        this.reader = reader;
        this.source = source;
    }

    @Override
    public List<SyncRecord> nextPage() {
        run.settling().awaitSettled();
        run.settledUpTo(reader.highestUnchangedCursor(run, source, run.settledCursorValue()));
        return List.of();
    }
}
