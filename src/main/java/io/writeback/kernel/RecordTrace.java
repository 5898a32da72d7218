package io.writeback.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a run did, or would do, record by record: kept for previews (a dry run that sends and writes
 * nothing) and one-record runs, whose callers want every request and answer, not only counts.
 */
public final class RecordTrace {

    private final boolean dryRun;
    private final int keep;
    private final boolean onlySentOrInvalid;
    private final Map<Action, Long> counts = new EnumMap<>(Action.class);
    private final List<TracedRecord> records = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final Consumer<TracedRecord> sink;
    private String failure;

    private RecordTrace(boolean dryRun, int keep, boolean onlySentOrInvalid, Consumer<TracedRecord> sink) {
        this.dryRun = dryRun;
        this.keep = keep;
        this.onlySentOrInvalid = onlySentOrInvalid;
        this.sink = sink;
    }

    /**
     * A dry run keeping the first {@code samples} records that would be sent, and the first invalid, waiting
     * and unrecoverable ones.
     */
    public static RecordTrace preview(int samples) {
        return new RecordTrace(true, samples, true, null);
    }

    /** A dry run keeping every record, up to {@code keep}, whatever would happen to it. */
    public static RecordTrace dryRunOfAll(int keep) {
        return new RecordTrace(true, keep, false, null);
    }

    /** A dry run handing every record to {@code sink} as it comes, in this trace's lock, keeping none. */
    public static RecordTrace dryRunInto(Consumer<TracedRecord> sink) {
        return new RecordTrace(true, 0, false, sink);
    }

    /** A real run keeping every record it handles, up to {@code keep}. */
    public static RecordTrace live(int keep) {
        return new RecordTrace(false, keep, false, null);
    }

    public boolean dryRun() {
        return dryRun;
    }

    public synchronized void add(SyncRecord record, String method, String url, String requestBody, Integer status,
            String responseBody, String error) {
        counts.merge(record.action(), 1L, Long::sum);
        boolean worthShowing = !onlySentOrInvalid || method != null || record.isInvalid() || record.action() == Action.WAIT
                || record.action() == Action.RECOVER;
        if (sink == null && !(worthShowing && records.size() < keep)) {
            return;
        }
        TracedRecord traced = new TracedRecord(record.sourceId(), record.action().name().toLowerCase(), record.reason(),
                record.row(), record.payload(), method == null ? null : new TracedRecord.Request(method, url, requestBody),
                status == null ? null : new TracedRecord.Response(status, responseBody), error);
        if (sink != null) {
            sink.accept(traced);
        } else {
            records.add(traced);
        }
    }

    public synchronized void finding(String finding) {
        findings.add(finding);
    }

    /** The run ended in failure, for {@code reason}: a finding, and {@link #failure()} from now on. */
    public synchronized void failed(String reason) {
        failure = reason;
        findings.add(reason);
    }

    /** Why the run failed; null when it did not. */
    public synchronized String failure() {
        return failure;
    }

    /** Records per action, by the action's lowercase name. */
    public synchronized Map<String, Long> counts() {
        Map<String, Long> byName = new TreeMap<>();
        counts.forEach((action, count) -> byName.put(action.name().toLowerCase(), count));
        return byName;
    }

    public synchronized List<TracedRecord> records() {
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    public synchronized List<String> findings() {
        return Collections.unmodifiableList(new ArrayList<>(findings));
    }

    /**
     * One record: its action and why, its row, the payload the mapping made of it (null for an invalid row),
     * and the request and answer when there were any.
     */
    public record TracedRecord(String sourceId, String action, String reason, Map<String, Object> row,
            Map<String, Object> payload, Request request, Response response, String error) {

        /** A request as sent, or as it would be sent. */
        public record Request(String method, String url, String body) {
        }

        /** An answer, as received. */
        public record Response(int status, String body) {
        }
    }
}
