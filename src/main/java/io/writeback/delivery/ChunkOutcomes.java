package io.writeback.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.connection.DeliveryResult;
import io.writeback.deadletter.DeadLetters.DeadLetter;
import io.writeback.deadletter.InvalidRows;
import io.writeback.kernel.Action;
import io.writeback.kernel.Link;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.RunCounts;
import io.writeback.kernel.SyncMode;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.LinkOutcome;
import io.writeback.link.LinkStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What became of each record of one chunk, gathered to be recorded together: link outcomes, dead
 * letters, invalid rows, the run's counts and trace, and how far the chunk is settled.
 */
final class ChunkOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunContext run;
    private final RunCounts counts;
    private final Map<String, String> intentKeys;
    final List<LinkOutcome> links = new ArrayList<>();
    final List<DeadLetter> failures = new ArrayList<>();
    final List<SyncRecord> invalid = new ArrayList<>();
    /** For a paired sync: what each successful write put into the pair's source. */
    final List<LinkStore.Echo> echoes = new ArrayList<>();
    /** Target ids owed to the source, by source id: new records', and earlier ones whose write back failed. */
    final Map<String, String> owedTargetIds = new LinkedHashMap<>();
    private String settledCursor;

    /**
     * {@code counts}: the chunk's, added to the run's when its outcomes are recorded; {@code intentKeys}: the
     * key each insert of the chunk is sent under, by source id.
     */
    ChunkOutcomes(RunContext run, RunCounts counts, Map<String, String> intentKeys) {
        this.run = run;
        this.counts = counts;
        this.intentKeys = intentKeys;
    }

    void invalid(SyncRecord record) {
        counts.invalid();
        trace(record, null);
        if (run.counts().totals().invalid() + counts.totals().invalid() <= InvalidRows.KEPT_PER_RUN) {
            invalid.add(record);
        }
    }

    void skipped(SyncRecord record) {
        counts.skipped();
        trace(record, null);
        oweIfStillOwed(record);
        if (record.action() == Action.ECHO) {
            links.add(LinkOutcome.echoReadBack(record.sourceId(), record.payloadHash(), record.rowHash()));
        } else if (record.action() == Action.UNCHANGED) {
            unchanged(record);
        }
    }

    /**
     * An unchanged record writes nothing when its row is as it was: only a row that changed without changing
     * the payload is marked skipped-same-hash, at its new row hash. Mode mirror notes every row it read with
     * the run, to know afterwards which rows are gone, unless PostgreSQL finds those.
     */
    private void unchanged(SyncRecord record) {
        if (!Objects.equals(record.rowHash(), record.link().rowHash())) {
            links.add(LinkOutcome.unchanged(record.sourceId(), record.rowHash()));
        } else if (run.spec().mode() == SyncMode.MIRROR && !run.unchangedKeptBack()) {
            links.add(LinkOutcome.seen(record.sourceId()));
        }
    }

    /** Not sent: it waits for a record it refers to. */
    void waiting(SyncRecord record) {
        counts.waiting();
        trace(record, null);
        links.add(LinkOutcome.waiting(record.sourceId(), record.reason()));
    }

    /** An insert whose outcome was lost and that nothing can settle: it stays pending for an operator. */
    void unknown(SyncRecord record) {
        counts.unknown();
        trace(record, null);
        links.add(LinkOutcome.unknown(record.sourceId(), null, RecordDelivery.UNKNOWN_OUTCOME));
    }

    /** Records a write; returns whether it failed. */
    boolean written(SyncRecord record, RecordWriter.Written written) {
        DeliveryResult call = written.call();
        counts.httpCalls(call.calls());
        trace(record, call);
        if (record.action() == Action.UNLINK) {
            counts.skipped();
            links.add(LinkOutcome.unlinked(record.sourceId(), record.reason()));
            return false;
        }
        if (call.succeeded()) {
            counts.done(record.action());
            if (record.action() == Action.INSERT || record.action() == Action.RECOVER) {
                owedTargetIds.put(record.sourceId(), written.targetId());
            } else {
                oweIfStillOwed(record);
            }
            if (run.spec().pair() != null && record.action() != Action.DELETE && record.action() != Action.ARCHIVE) {
                echoes.add(new LinkStore.Echo(written.targetId(), record.sourceId(), JsonText.of(JSON, record.payload())));
            }
            links.add(record.action() == Action.DELETE || record.action() == Action.ARCHIVE
                    ? LinkOutcome.deleted(record.sourceId())
                    : LinkOutcome.success(record.sourceId(), written.targetId(),
                            record.action() == Action.UPDATE ? record.payloadHash() : record.hashAfterInsert(), record.rowHash()));
            return false;
        }
        counts.failed();
        // A create that may have landed stays pending: the next run recovers it rather than creating it again.
        links.add(failure(record, call, written.targetId()));
        failures.add(new DeadLetter(record.sourceId(), record.action().name().toLowerCase(), call));
        return true;
    }

    /**
     * The link a failed write leaves. A create that may have landed stays pending, as does a recovery whose
     * lookup failed (still a RECOVER: nobody knows yet whether the first insert landed); a failure after
     * the record was written (its association) keeps its {@code targetId}; a failed create forgets any
     * target from before; any other failure keeps, or learns, where the record is.
     */
    private LinkOutcome failure(SyncRecord record, DeliveryResult call, String targetId) {
        if (call.mayHaveLanded()) {
            return LinkOutcome.unknown(record.sourceId(), intentKeys.get(record.sourceId()), call.error());
        }
        if (targetId != null) {
            return LinkOutcome.error(record.sourceId(), targetId, call.error());
        }
        return switch (record.action()) {
            case RECOVER -> LinkOutcome.unknown(record.sourceId(), null, call.error());
            case INSERT -> LinkOutcome.createFailed(record.sourceId(), call.error());
            default -> LinkOutcome.error(record.sourceId(), record.link() == null ? null : record.link().targetId(), call.error());
        };
    }

    private void oweIfStillOwed(SyncRecord record) {
        Link link = record.link();
        if (link != null && link.writeBackError() != null && link.targetId() != null) {
            owedTargetIds.put(record.sourceId(), link.targetId());
        }
    }

    void settled(SyncRecord record) {
        if (record.cursorValue() != null) {
            settledCursor = record.cursorValue();
        }
    }

    String settledCursor() {
        return settledCursor;
    }

    private void trace(SyncRecord record, DeliveryResult call) {
        if (run.trace() != null) {
            run.trace().add(record, call == null ? null : call.method(), call == null ? null : call.url(),
                    call == null ? null : call.requestBody(), call == null || call.status() == 0 ? null : call.status(),
                    call == null ? null : call.responseBody(), call == null ? null : call.error());
        }
    }
}
