package io.writeback.kernel;

import java.util.concurrent.atomic.LongAdder;

/** Counters of a run, or of one of its chunks: rows read as they are read; outcomes as a chunk's are recorded. */
public final class RunCounts {

    private final LongAdder read = new LongAdder();
    private final LongAdder inserted = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder deleted = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final LongAdder httpCalls = new LongAdder();
    private final LongAdder unknown = new LongAdder();
    private final LongAdder waiting = new LongAdder();

    public void read(int rows) {
        read.add(rows);
    }

    /** Counts a write that succeeded, by its action. */
    public void done(Action action) {
        switch (action) {
            case INSERT -> inserted.increment();
            case UPDATE -> updated.increment();
            case DELETE, ARCHIVE -> deleted.increment();
            default -> throw new IllegalArgumentException(action + " is not a write");
        }
    }

    public void skipped() {
        skipped.increment();
    }

    public void failed() {
        failed.increment();
    }

    public void invalid() {
        invalid.increment();
    }

    /** An insert whose outcome was lost, which nothing could settle: left for an operator. */
    public void waiting() {
        waiting.increment();
    }

    public void unknown() {
        unknown.increment();
    }

    public void httpCalls(int calls) {
        httpCalls.add(calls);
    }

    /** Adds {@code totals}, the counts of one chunk, say. */
    public void add(RunTotals totals) {
        read.add(totals.rowsRead());
        inserted.add(totals.inserted());
        updated.add(totals.updated());
        deleted.add(totals.deleted());
        skipped.add(totals.skipped());
        failed.add(totals.failed());
        invalid.add(totals.invalid());
        unknown.add(totals.unknown());
        waiting.add(totals.waiting());
        httpCalls.add(totals.httpCalls());
    }

    public RunTotals totals() {
        return new RunTotals(read.sum(), inserted.sum(), updated.sum(), deleted.sum(), skipped.sum(), failed.sum(),
                invalid.sum(), unknown.sum(), waiting.sum(), httpCalls.sum());
    }
}
