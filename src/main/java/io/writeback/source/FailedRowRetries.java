package io.writeback.source;

import io.writeback.kernel.DeferredPages;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.LinkScans;
import java.util.List;

/**
 * The second pass of an incremental run: the rows that failed in earlier runs, which the bookmark has
 * passed, read again by key a page at a time, so a failure is retried until it succeeds.
 */
final class FailedRowRetries implements DeferredPages.PageSource {

    private final RunContext run;
    private final LinkScans links;
    private final SourceReader reader;
    private final SourceOptions source;
    private String lastKey;

    FailedRowRetries(RunContext run, LinkScans links, SourceReader reader, SourceOptions source) {
        this.run = run;
        this.links = links;
        this.reader = reader;
        this.source = source;
    }

    @Override
    public List<SyncRecord> nextPage() {
        run.settling().awaitSettled();
        List<String> keys = links.failedBefore(run.linkSync(), run.runId(), lastKey, run.spec().chunkSize());
        if (keys.isEmpty()) {
            return List.of();
        }
        lastKey = keys.get(keys.size() - 1);
        return reader.readKeys(run, source, keys);
    }
}
