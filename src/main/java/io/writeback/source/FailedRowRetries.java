package io.writeback.source;

import io.writeback.link.LinkStore;
import io.writeback.pipeline.SyncRecord;
import io.writeback.run.RunContext;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The second pass of an incremental run: the rows that failed in earlier runs, which the bookmark has
 * passed, read again by key a page at a time, so a failure is retried until it succeeds.
 */
final class FailedRowRetries implements Iterator<List<SyncRecord>>, AutoCloseable {

    private final RunContext run;
    private final LinkStore links;
    private final SourceReader reader;
    private RowStream page;
    private String lastKey;
    private boolean exhausted;

    FailedRowRetries(RunContext run, LinkStore links, SourceReader reader) {
        this.run = run;
        this.links = links;
        this.reader = reader;
    }

    @Override
    public boolean hasNext() {
        while (page == null || !page.hasNext()) {
            close();
            if (exhausted) {
                return false;
            }
            List<String> keys = links.failedBefore(run.sync(), run.runId(), lastKey, run.source().chunkSize());
            if (keys.isEmpty()) {
                exhausted = true;
                return false;
            }
            lastKey = keys.get(keys.size() - 1);
            page = reader.openKeys(run, keys);
        }
        return true;
    }

    @Override
    public List<SyncRecord> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }

    @Override
    public void close() {
        if (page != null) {
            page.close();
            page = null;
        }
    }
}
