package io.writeback.kernel;

/** A snapshot of a run's counts per action and outcome. */
public record RunTotals(long rowsRead, long inserted, long updated, long deleted, long skipped, long failed,
        long invalid, long unknown, long waiting, long httpCalls) {

    /** Rows read and found unchanged without a chunk of their own: counted read and skipped. */
    public static RunTotals readUnchanged(long rows) {
        return new RunTotals(rows, 0, 0, 0, rows, 0, 0, 0, 0, 0);
    }

    public String summary() {
        return "read " + rowsRead + ", inserted " + inserted + ", updated " + updated + ", deleted " + deleted + ", skipped " + skipped
                + ", failed " + failed + ", invalid " + invalid + (unknown > 0 ? ", unknown outcome " + unknown : "")
                + (waiting > 0 ? ", waiting for a related record " + waiting : "")
                + ", HTTP calls " + httpCalls;
    }
}
