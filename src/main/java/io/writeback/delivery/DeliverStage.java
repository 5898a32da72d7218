package io.writeback.delivery;

import io.writeback.kernel.Action;
import io.writeback.kernel.ErrorPolicy;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.RunCounts;
import io.writeback.kernel.Stage;
import io.writeback.kernel.StageChunk;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.LinkIntents;
import io.writeback.link.LinkOutcome;
import io.writeback.link.LinkStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code writeback:deliver}: carries out the plan of a chunk against the destination, then records
 * every outcome in the link table (one statement), failures in the dead letters, invalid rows, and
 * how far the chunk is settled, then the run's counts and bookmark, while the run goes on with its next
 * chunk (see {@link io.writeback.kernel.ChunkSettling}). With error policy stop, the first failed record
 * ends the run; the records after it stay unsettled.
 */
@Component
public class DeliverStage implements Stage<DeliverOptions> {

    private static final Logger log = LoggerFactory.getLogger(DeliverStage.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    private final RecordWriter writer;
    private final BulkWriter bulkWriter;
    private final LinkIntents linkIntents;
    private final DeliveryThreads threads;
    private final SettlingThreads settlingThreads;
    private final ChunkRecorder recorder;
    private final IdWriteBack idWriteBack;
    private final AssociationWriter associations;

    DeliverStage(RecordWriter writer, BulkWriter bulkWriter, LinkIntents linkIntents, DeliveryThreads threads,
            SettlingThreads settlingThreads, ChunkRecorder recorder, IdWriteBack idWriteBack, AssociationWriter associations) {
        this.associations = associations;
        this.writer = writer;
        this.bulkWriter = bulkWriter;
        this.linkIntents = linkIntents;
        this.threads = threads;
        this.settlingThreads = settlingThreads;
        this.recorder = recorder;
        this.idWriteBack = idWriteBack;
    }

    @Override
    public String name() {
        return DeliverOptions.STAGE;
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
                log.info("Sync {}: run {} in progress after {} s: {}", run.sync(), run.runId(),
                        run.elapsed().toSeconds(), run.counts().totals().summary());
            }
        };
    }

    private void deliver(RunContext run, List<SyncRecord> chunk, DeliverOptions options) {
        RecordDelivery delivery = new RecordDelivery(writer, bulkWriter, options, run);
        // An insert whose lookup failed is not sent: the failed lookup is its outcome, known ahead like a send's.
        RunCounts counts = new RunCounts();
        Map<SyncRecord, RecordWriter.Written> lookupsFailed = delivery.matchExisting(requirePlanned(run, chunk), counts);
        Map<String, String> intents = intents(chunk, delivery, lookupsFailed);
        List<Long> intentsIds = new ArrayList<>();
        Long intentsId = linkIntents.recordIntents(run.linkSync(), run.runId(), intents);
        if (intentsId != null) {
            intentsIds.add(intentsId);
        }
        Map<SyncRecord, RecordWriter.Written> sentAhead = sendAhead(chunk, delivery, intents, counts, lookupsFailed);
        GoneTargets goneTargets = new GoneTargets(writer, linkIntents, options, run);
        Map<SyncRecord, RecordWriter.Written> written = new LinkedHashMap<>();
        SyncRecord stoppedAt = null;
        for (SyncRecord record : requirePlanned(run, chunk)) {
            if (!sends(record, delivery)) {
                continue;
            }
            RecordWriter.Written write = sentAhead.containsKey(record)
                    ? sentAhead.get(record) : delivery.write(record, intents.get(record.sourceId()));
            written.put(record, write.targetMissing() ? goneTargets.settle(record, write, intents, intentsIds) : write);
            if (!written.get(record).call().succeeded() && run.spec().errorPolicy() == ErrorPolicy.STOP) {
                stoppedAt = record;
                // Records sent ahead with the one that stops the run were sent all the same: their outcomes are kept too.
                chunk.subList(chunk.indexOf(record) + 1, chunk.size()).stream().filter(sentAhead::containsKey)
                        .forEach(after -> written.put(after, sentAhead.get(after)));
                break;
            }
        }
        associations.link(options, written, counts);
        ChunkOutcomes outcomes = new ChunkOutcomes(run, counts, intents);
        int stopIndex = stoppedAt == null ? chunk.size() : chunk.indexOf(stoppedAt);
        for (int i = 0; i < chunk.size(); i++) {
            SyncRecord record = chunk.get(i);
            if (written.containsKey(record)) {
                outcomes.written(record, written.get(record));
            } else if (i < stopIndex) {
                switch (record.action()) {
                    case INVALID -> outcomes.invalid(record);
                    case WAIT -> outcomes.waiting(record);
                    case RECOVER -> outcomes.unknown(record);
                    default -> outcomes.skipped(record);
                }
            }
            if (i <= stopIndex) {
                outcomes.settled(record);
            }
        }
        Map<String, String> writeBacks = writeIdsBack(run, options, outcomes.owedTargetIds);
        LinkStore.ChunkNotes notes = new LinkStore.ChunkNotes(run.spec().pair(), outcomes.echoes, writeBacks);
        Set<String> settledIds = outcomes.links.stream().map(LinkOutcome::sourceId).collect(Collectors.toUnmodifiableSet());
        run.settling().submit(settlingThreads, settledIds, () -> recorder.record(run, outcomes, counts, intentsIds, notes));
        if (stoppedAt != null) {
            String sourceId = stoppedAt.sourceId();
            throw new RunStoppedException(run, sourceId, outcomes.failures.stream()
                    .filter(letter -> letter.sourceId().equals(sourceId)).findFirst().orElseThrow().call().error());
        }
    }

    /** Whether {@code record} sends a write: an insert, update, delete or archive, or a recovery that is possible. */
    private static boolean sends(SyncRecord record, RecordDelivery delivery) {
        return switch (record.action()) {
            case INSERT, UPDATE, DELETE, ARCHIVE -> true;
            case RECOVER -> delivery.canRecover(record);
            default -> false;
        };
    }

    /** Writes the owed target ids back to the source; by source id, null when written, else why not. */
    private Map<String, String> writeIdsBack(RunContext run, DeliverOptions options, Map<String, String> owed) {
        if (!options.writesIdsBack() || owed.isEmpty()) {
            return Map.of();
        }
        Map<String, String> writeBacks = idWriteBack.write(options, owed);
        List<Map.Entry<String, String>> failed = writeBacks.entrySet().stream().filter(e -> e.getValue() != null).toList();
        if (!failed.isEmpty()) {
            log.warn("Sync {}: run {}: {} target id(s) could not be written back to the source; later runs try again. "
                    + "First, source record {}: {}", run.sync(), run.runId(), failed.size(), failed.get(0).getKey(),
                    failed.get(0).getValue());
        }
        return writeBacks;
    }

    /**
     * Sends, before the chunk's outcomes are recorded in order: the inserts that go in bulk calls, and
     * the other writes when the connection allows several calls in flight. Records whose outcome is
     * {@code known} already are not sent; their outcomes are among those returned.
     */
    private Map<SyncRecord, RecordWriter.Written> sendAhead(List<SyncRecord> chunk, RecordDelivery delivery,
            Map<String, String> intents, RunCounts counts, Map<SyncRecord, RecordWriter.Written> known) {
        Map<SyncRecord, RecordWriter.Written> sent = new IdentityHashMap<>(known);
        delivery.bulkKinds().forEach((kind, action) -> sent.putAll(delivery.writeInBulk(kind,
                chunk.stream().filter(r -> r.action() == action && !known.containsKey(r)).toList(), intents, counts)));
        if (delivery.concurrent()) {
            List<SyncRecord> writes = chunk.stream().filter(record -> !sent.containsKey(record) && sends(record, delivery)).toList();
            sent.putAll(delivery.writeConcurrently(writes, intents, threads));
        }
        return sent;
    }

    /**
     * The key each insert of the chunk goes under: new for a new insert, the old one for an insert
     * re-sent after its outcome was lost (so the destination can tell it is the same create); none for
     * the records {@code notSent}.
     */
    private static Map<String, String> intents(List<SyncRecord> chunk, RecordDelivery delivery,
            Map<SyncRecord, RecordWriter.Written> notSent) {
        Map<String, String> intents = new LinkedHashMap<>();
        String prefix = delivery.bulkWithoutKeys() ? RecordDelivery.BULK_KEY_PREFIX : "";
        for (SyncRecord record : chunk) {
            if (notSent.containsKey(record)) {
                continue;
            }
            if (record.action() == Action.INSERT) {
                intents.put(record.sourceId(), prefix + UUID.randomUUID());
            } else if (record.action() == Action.RECOVER && delivery.canRecover(record)) {
                intents.put(record.sourceId(), delivery.resendsUnderOldKey(record)
                        ? record.link().intentKey() : UUID.randomUUID().toString());
            }
        }
        return intents;
    }

    /** What the chunk would send, into the run's trace: nothing is sent and nothing is written. */
    private void preview(RunContext run, List<SyncRecord> chunk, DeliverOptions options) {
        new DeliveryPreview(new RecordDelivery(writer, bulkWriter, options, run), run).trace(requirePlanned(run, chunk));
    }

    private static List<SyncRecord> requirePlanned(RunContext run, List<SyncRecord> chunk) {
        for (SyncRecord record : chunk) {
            if (record.action() == null) {
                throw new IllegalStateException("sync " + run.sync() + ": record " + record.sourceId()
                        + " has no plan; put writeback:plan before writeback:deliver");
            }
        }
        return chunk;
    }
}
