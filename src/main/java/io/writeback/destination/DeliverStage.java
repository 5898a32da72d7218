package io.writeback.destination;

import io.writeback.deadletter.DeadLetters;
import io.writeback.deadletter.DeadLetters.DeadLetter;
import io.writeback.deadletter.InvalidRows;
import io.writeback.link.LinkOutcome;
import io.writeback.link.LinkStatus;
import io.writeback.link.LinkStore;
import io.writeback.pipeline.Stage;
import io.writeback.plan.Action;
import io.writeback.plan.SyncMode;
import io.writeback.pipeline.StageChunk;
import io.writeback.pipeline.SyncRecord;
import io.writeback.run.RunContext;
import io.writeback.run.RunCounts;
import io.writeback.run.RunLedger;
import io.writeback.source.ErrorPolicy;
import io.writeback.pipeline.StageKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code writeback:deliver}: carries out the plan of a chunk against the destination, then records
 * every outcome in the link table (one batch), failures in the dead letters, invalid rows, how far
 * the chunk is settled, and the run's progress. With error policy stop, the first failed record
 * ends the run; the records after it stay unsettled.
 */
@Component
public class DeliverStage implements Stage<DeliverOptions> {

    private static final Logger log = LoggerFactory.getLogger(DeliverStage.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    private final RecordWriter writer;
    private final LinkStore links;
    private final DeadLetters deadLetters;
    private final InvalidRows invalidRows;
    private final RunLedger ledger;

    public DeliverStage(RecordWriter writer, LinkStore links, DeadLetters deadLetters, InvalidRows invalidRows,
            RunLedger ledger) {
        this.writer = writer;
        this.links = links;
        this.deadLetters = deadLetters;
        this.invalidRows = invalidRows;
        this.ledger = ledger;
    }

    @Override
    public StageKind kind() {
        return StageKind.DELIVER;
    }

    @Override
    public Processor processor(DeliverOptions options) {
        return exchange -> {
            RunContext run = StageChunk.run(exchange);
            if (run.dryRun()) {
                preview(run, StageChunk.records(exchange), options);
                return;
            }
            deliver(run, StageChunk.records(exchange), options);
            if (run.progressDue(PROGRESS_INTERVAL)) {
                ledger.progress(run);
                log.info("Sync {}: run {} in progress after {} s: {}", run.sync(), run.runId(),
                        run.elapsed().toSeconds(), run.counts().totals().summary());
            }
        };
    }

    private void deliver(RunContext run, List<SyncRecord> chunk, DeliverOptions options) {
        RunCounts counts = run.counts();
        List<LinkOutcome> outcomes = new ArrayList<>();
        List<DeadLetter> failures = new ArrayList<>();
        List<SyncRecord> invalid = new ArrayList<>();
        String settledCursor = null;
        SyncRecord stoppedAt = null;
        for (SyncRecord record : chunk) {
            if (record.action() == null) {
                throw new IllegalStateException("sync " + run.sync() + ": record " + record.sourceId()
                        + " has no plan; put writeback:plan before writeback:deliver");
            }
            switch (record.action()) {
                case INVALID -> {
                    counts.invalid();
                    trace(run, record, null);
                    if (counts.totals().invalid() <= InvalidRows.KEPT_PER_RUN) {
                        invalid.add(record);
                    }
                }
                case SKIP -> {
                    counts.skipped();
                    trace(run, record, null);
                }
                case UNCHANGED -> {
                    counts.skipped();
                    trace(run, record, null);
                    // Mode mirror stamps every row read with the run, to know afterwards which rows are gone.
                    if (record.link().status() != LinkStatus.SKIPPED_SAME_HASH || run.source().mode() == SyncMode.MIRROR) {
                        outcomes.add(LinkOutcome.unchanged(record.sourceId()));
                    }
                }
                case INSERT, UPDATE, DELETE, ARCHIVE -> {
                    RecordWriter.Written written = write(record, options, run);
                    counts.httpCall();
                    trace(run, record, written.call());
                    if (written.call().succeeded()) {
                        counts.done(record.action());
                        outcomes.add(record.action() == Action.DELETE || record.action() == Action.ARCHIVE
                                ? LinkOutcome.deleted(record.sourceId())
                                : LinkOutcome.success(record.sourceId(), written.targetId(), record.payloadHash()));
                    } else {
                        counts.failed();
                        outcomes.add(LinkOutcome.error(record.sourceId(), written.call().error()));
                        failures.add(new DeadLetter(record.sourceId(), record.action().name().toLowerCase(), written.call()));
                        if (run.source().errorPolicy() == ErrorPolicy.STOP) {
                            stoppedAt = record;
                        }
                    }
                }
            }
            settledCursor = record.cursorValue() != null ? record.cursorValue() : settledCursor;
            if (stoppedAt != null) {
                break;
            }
        }
        links.record(run.linkSync(), run.runId(), outcomes);
        deadLetters.record(run.sync(), run.runId(), failures);
        invalidRows.record(run.sync(), run.runId(), invalid);
        run.settledUpTo(settledCursor);
        if (stoppedAt != null) {
            throw new RunStoppedException(run, stoppedAt.sourceId(), failures.get(failures.size() - 1).call().error());
        }
    }

    /** What the chunk would send, into the run's trace: nothing is sent and nothing is written. */
    private void preview(RunContext run, List<SyncRecord> chunk, DeliverOptions options) {
        for (SyncRecord record : chunk) {
            if (record.action() == null) {
                throw new IllegalStateException("sync " + run.sync() + ": record " + record.sourceId()
                        + " has no plan; put writeback:plan before writeback:deliver");
            }
            DeliveryRequest request = switch (record.action()) {
                case INSERT, UPDATE -> writer.describe(options.connection(), options.object(), record.action(),
                        record.link() == null ? null : record.link().targetId(), record.payload());
                case DELETE -> writer.describe(options.connection(), options.object(), record.action(),
                        record.link().targetId(), null);
                case ARCHIVE -> writer.describe(options.connection(), options.object(), record.action(),
                        record.link().targetId(), run.source().archivePayload());
                default -> null;
            };
            run.trace().add(record, request == null ? null : request.method(), request == null ? null : request.url(),
                    request == null ? null : request.body(), null, null, null);
        }
    }

    private static void trace(RunContext run, SyncRecord record, DeliveryResult call) {
        if (run.trace() != null) {
            run.trace().add(record, call == null ? null : call.method(), call == null ? null : call.url(),
                    call == null ? null : call.requestBody(), call == null || call.status() == 0 ? null : call.status(),
                    call == null ? null : call.responseBody(), call == null ? null : call.error());
        }
    }

    private RecordWriter.Written write(SyncRecord record, DeliverOptions options, RunContext run) {
        String connection = options.connection();
        String object = options.object();
        return switch (record.action()) {
            case INSERT -> writer.insert(connection, object, record.payload());
            case UPDATE -> writer.update(connection, object, record.link().targetId(), record.payload());
            case DELETE -> writer.delete(connection, object, record.link().targetId());
            case ARCHIVE -> writer.update(connection, object, record.link().targetId(), run.source().archivePayload());
            default -> throw new IllegalArgumentException("nothing to write for " + record.action());
        };
    }
}
