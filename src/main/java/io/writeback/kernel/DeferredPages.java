package io.writeback.kernel;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The chunks of a pass that queries the link table, such as the retries of an incremental run.
 * Camel's splitter asks {@code hasNext()} before it processes the chunk it just took, so a page is
 * only fetched in {@code next()}, once every earlier chunk is recorded; {@code hasNext()} answers
 * from the size of the last page, and the last page of a pass may be empty.
 */
public final class DeferredPages implements Iterator<List<SyncRecord>> {

    /** Fetches the next page of a pass, of at most {@code pageSize} records. */
    @FunctionalInterface
    public interface PageSource {
        List<SyncRecord> nextPage();
    }

    private final PageSource source;
    private final int pageSize;
    private boolean more = true;

    public DeferredPages(PageSource source, int pageSize) {
        this.source = source;
        this.pageSize = pageSize;
    }

    @Override
    public boolean hasNext() {
        return more;
    }

    @Override
    public List<SyncRecord> next() {
        if (!more) {
            throw new NoSuchElementException();
        }
        List<SyncRecord> page = source.nextPage();
        more = page.size() >= pageSize;
        return page;
    }
}
