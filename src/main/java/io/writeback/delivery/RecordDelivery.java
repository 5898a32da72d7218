package io.writeback.delivery;

import io.writeback.connection.BulkEndpoint;
import io.writeback.connection.PayloadPaths;
import io.writeback.kernel.Action;
import io.writeback.kernel.Link;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.RunCounts;
import io.writeback.kernel.SyncRecord;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The write one planned record needs, against its connection and object. An insert goes under its
 * intent key; a record whose earlier insert has no recorded outcome is recovered without ever being
 * inserted twice: sent again under the same key where the destination takes idempotency keys, else
 * looked up by a match key where the object has a lookup, else left for an operator.
 */
final class RecordDelivery {

    /** Marks the intent key of a record inserted in bulk: a bulk call carried no per-record key to send again under. */
    static final String BULK_KEY_PREFIX = "bulk:";

    static final String UNKNOWN_OUTCOME = "unknown outcome: an insert was sent but its answer was never recorded, and "
            + "the destination takes no idempotency key and the object has no lookup; link it to its target record "
            + "or let it be inserted again with POST /api/syncs/{sync}/links/{sourceId}/resolve";

    private final RecordWriter writer;
    private final BulkWriter bulkWriter;
    private final DeliverOptions options;
    private final RunContext run;

    RecordDelivery(RecordWriter writer, BulkWriter bulkWriter, DeliverOptions options, RunContext run) {
        this.writer = writer;
        this.bulkWriter = bulkWriter;
        this.options = options;
        this.run = run;
    }

    /** One bulk lookup for {@code records}; when it fails, it is the failed outcome of each of them. */
    private void matchInBulk(List<SyncRecord> records, String field, RunCounts counts,
            Map<SyncRecord, RecordWriter.Written> failed) {
        List<String> values = records.stream().map(record -> PayloadPaths.at(record.payload(), field).toString()).distinct().toList();
        RecordWriter.Found found = writer.lookUpMany(options.getConnection(), options.getObject(), field, values);
        counts.httpCalls(found.call().calls());
        if (!found.call().succeeded()) {
            // One call for all: each record's outcome is that call, counted once, here.
            records.forEach(record -> failed.put(record, new RecordWriter.Written(found.call().alreadyCounted(), null)));
            return;
        }
        for (SyncRecord record : records) {
            linkIfFound(record, found.targetIdOf(PayloadPaths.at(record.payload(), field).toString()), field);
        }
    }

    private static void linkIfFound(SyncRecord record, String targetId, String field) {
        if (targetId != null) {
            record.setLink(Link.matched(record.sourceId(), targetId));
            record.decide(Action.UPDATE, "matched target record " + targetId + " by " + field);
        }
    }

    /** Whether recovering {@code record} re-sends its insert under its old key: a single insert, to a destination that takes keys. */
    boolean resendsUnderOldKey(SyncRecord record) {
        String oldKey = record.link() == null ? null : record.link().intentKey();
        return record.action() == Action.RECOVER && writer.idempotentInserts(options.getConnection())
                && oldKey != null && !oldKey.startsWith(BULK_KEY_PREFIX);
    }

    /** Whether {@code record} can be recovered at all; if not, it is an unknown outcome and nothing is sent. */
    boolean canRecover(SyncRecord record) {
        return resendsUnderOldKey(record) || writer.canLookUp(options.getConnection(), options.getObject());
    }

    /**
     * Looks up, by the sync's {@code matchOn} field, each record of the chunk about to be inserted: one
     * found in the target is linked to it and becomes an update. A record without that field is inserted
     * as usual. A lookup that fails leaves its record unsent, since it may be there: its failed call is
     * returned, to be recorded as the record's outcome.
     */
    Map<SyncRecord, RecordWriter.Written> matchExisting(List<SyncRecord> chunk, RunCounts counts) {
        Map<SyncRecord, RecordWriter.Written> failed = new IdentityHashMap<>();
        String field = options.getMatchOn();
        if (field == null) {
            return failed;
        }
        BulkEndpoint bulk = writer.bulkLookup(options.getConnection(), options.getObject(), field);
        if (bulk == null && !writer.canLookUp(options.getConnection(), options.getObject())) {
            throw new IllegalStateException("sync " + run.sync() + ": matchOn needs a lookup for object '" + options.getObject()
                    + "' of connection '" + options.getConnection() + "' (its lookup.path or bulk-lookup.path, or an "
                    + "id-property in a profile)");
        }
        List<SyncRecord> toMatch = chunk.stream()
                .filter(record -> record.action() == Action.INSERT && PayloadPaths.at(record.payload(), field) != null).toList();
        if (bulk != null) {
            for (int from = 0; from < toMatch.size(); from += bulk.maxBatch()) {
                matchInBulk(toMatch.subList(from, Math.min(from + bulk.maxBatch(), toMatch.size())), field, counts, failed);
            }
            return failed;
        }
        for (SyncRecord record : toMatch) {
            RecordWriter.Written found = writer.lookup(options.getConnection(), options.getObject(), record.payload());
            if (!found.call().succeeded()) {
                failed.put(record, found);
            } else {
                counts.httpCalls(found.call().calls());
                linkIfFound(record, found.targetId(), field);
            }
        }
        return failed;
    }

    /** Whether the connection lets this chunk's single calls go out together. */
    boolean concurrent() {
        return writer.maxInFlight(options.getConnection()) > 1;
    }

    /**
     * Writes {@code records} concurrently: as many workers as the connection allows calls in flight take
     * the records in turn, so a chunk never holds more threads than that. The records of a chunk have
     * distinct keys, so no two changes to one record ever race. A write that throws stops the workers
     * from taking more records, and is thrown here.
     */
    Map<SyncRecord, RecordWriter.Written> writeConcurrently(List<SyncRecord> records, Map<String, String> intents,
            DeliveryThreads threads) {
        RecordWriter.Written[] results = new RecordWriter.Written[records.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Supplier<RecordWriter.Written> worker = () -> {
            for (int i = next.getAndIncrement(); i < results.length && !failed.get(); i = next.getAndIncrement()) {
                try {
                    results[i] = write(records.get(i), intents.get(records.get(i).sourceId()));
                } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                }
            }
            return null;
        };
        int workers = Math.min(writer.maxInFlight(options.getConnection()), records.size());
        List<Future<RecordWriter.Written>> running = IntStream.range(0, workers).mapToObj(w -> threads.submit(worker)).toList();
        running.forEach(RecordDelivery::await);
        Map<SyncRecord, RecordWriter.Written> written = new IdentityHashMap<>();
        for (int i = 0; i < results.length; i++) {
            written.put(records.get(i), results[i]);
        }
        return written;
    }

    private static RecordWriter.Written await(Future<RecordWriter.Written> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the chunk's calls were under way", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Whether new inserts go in bulk calls that carry no key per record: their intent keys say so. */
    boolean bulkWithoutKeys() {
        return bulk(BulkWriter.Kind.INSERT)
                && !bulkWriter.endpoint(options.getConnection(), options.getObject(), BulkWriter.Kind.INSERT).orElseThrow().takesKeys();
    }

    /**
     * The bulk calls this sync's writes go in, with the action each carries: new records go by upsert on
     * the object's unique property where it has one (that never makes a duplicate), else by bulk create.
     */
    Map<BulkWriter.Kind, Action> bulkKinds() {
        BulkWriter.Kind creates = bulk(BulkWriter.Kind.UPSERT) ? BulkWriter.Kind.UPSERT : BulkWriter.Kind.INSERT;
        Map<BulkWriter.Kind, Action> kinds = new java.util.EnumMap<>(BulkWriter.Kind.class);
        Map.of(creates, Action.INSERT, BulkWriter.Kind.UPDATE, Action.UPDATE, BulkWriter.Kind.DELETE, Action.DELETE)
                .forEach((kind, action) -> {
                    if (bulk(kind)) {
                        kinds.put(kind, action);
                    }
                });
        return kinds;
    }

    /** Whether this sync's writes of that kind go in bulk calls. */
    boolean bulk(BulkWriter.Kind kind) {
        return options.getBatchSize() > 1 && bulkWriter.endpoint(options.getConnection(), options.getObject(), kind).isPresent();
    }

    /** Writes {@code records} in bulk calls of the sync's batch size (at most the endpoint's); their results. */
    Map<SyncRecord, RecordWriter.Written> writeInBulk(BulkWriter.Kind kind, List<SyncRecord> records,
            Map<String, String> intents, RunCounts counts) {
        Map<SyncRecord, RecordWriter.Written> written = new IdentityHashMap<>();
        for (List<SyncRecord> part : batches(kind, records)) {
            BulkWriter.Result result = bulkWriter.write(options.getConnection(), options.getObject(), kind, items(part, intents));
            counts.httpCalls(result.calls());
            for (int i = 0; i < part.size(); i++) {
                written.put(part.get(i), result.results().get(i));
            }
        }
        return written;
    }

    /** The bulk call that would carry {@code batch}, for previews. */
    DeliveryRequest describeBulk(BulkWriter.Kind kind, List<SyncRecord> batch) {
        return bulkWriter.describe(options.getConnection(), options.getObject(), kind, items(batch, Map.of()));
    }

    /** {@code records} in the batches bulk calls of that kind carry: the sync's batch size, at most the endpoint's. */
    List<List<SyncRecord>> batches(BulkWriter.Kind kind, List<SyncRecord> records) {
        int batch = Math.min(options.getBatchSize(),
                bulkWriter.endpoint(options.getConnection(), options.getObject(), kind).orElseThrow().maxBatch());
        List<List<SyncRecord>> batches = new java.util.ArrayList<>();
        for (int from = 0; from < records.size(); from += batch) {
            batches.add(records.subList(from, Math.min(records.size(), from + batch)));
        }
        return batches;
    }

    private static List<BulkWriter.Item> items(List<SyncRecord> records, Map<String, String> intents) {
        return records.stream().map(record -> new BulkWriter.Item(record.payload(),
                record.link() == null ? null : record.link().targetId(), intents.get(record.sourceId()))).toList();
    }

    /** The lookup that recovers {@code record}, or matches it by {@code matchOn}, for previews. */
    DeliveryRequest describeLookup(SyncRecord record) {
        return writer.describeLookup(options.getConnection(), options.getObject(), record.payload());
    }

    String matchOn() {
        return options.getMatchOn();
    }

    /** Writes {@code record}; a recovered record's action becomes the insert or update that was made. */
    RecordWriter.Written write(SyncRecord record, String intentKey) {
        String connection = options.getConnection();
        String object = options.getObject();
        String targetId = record.link() == null ? null : record.link().targetId();
        return switch (record.action()) {
            case INSERT -> writer.insert(connection, object, record.payload(), intentKey);
            case UPDATE -> writer.update(connection, object, targetId, record.payload());
            case DELETE -> writer.delete(connection, object, targetId);
            case ARCHIVE -> writer.update(connection, object, targetId, run.spec().archivePayload());
            case RECOVER -> recover(record, intentKey);
            default -> throw new IllegalArgumentException("nothing to write for " + record.action());
        };
    }

    private RecordWriter.Written recover(SyncRecord record, String intentKey) {
        if (resendsUnderOldKey(record)) {
            record.decide(Action.INSERT, "re-sent under the key of the insert whose outcome was not recorded");
            return writer.insert(options.getConnection(), options.getObject(), record.payload(), intentKey);
        }
        RecordWriter.Written found = writer.lookup(options.getConnection(), options.getObject(), record.payload());
        if (!found.call().succeeded()) {
            return found;
        }
        int lookupCalls = found.call().calls();
        RecordWriter.Written written;
        if (found.targetId() != null) {
            // Linked to what was found whether the update succeeds or not: the record is known to be there.
            record.setLink(Link.matched(record.sourceId(), found.targetId()));
            record.decide(Action.UPDATE, "found in the target by lookup after an insert whose outcome was not recorded");
            written = writer.update(options.getConnection(), options.getObject(), found.targetId(), record.payload());
        } else {
            record.decide(Action.INSERT, "not found in the target by lookup after an insert whose outcome was not recorded");
            written = writer.insert(options.getConnection(), options.getObject(), record.payload(), intentKey);
        }
        return new RecordWriter.Written(written.call().afterCalls(lookupCalls), written.targetId());
    }

    /** The request a write would send, for previews; null for records that send nothing. */
    DeliveryRequest describe(SyncRecord record) {
        String targetId = record.link() == null ? null : record.link().targetId();
        Map<String, Object> payload = switch (record.action()) {
            case INSERT, UPDATE, RECOVER -> record.payload();
            case ARCHIVE -> run.spec().archivePayload();
            default -> null;
        };
        return switch (record.action()) {
            case INSERT, UPDATE, DELETE, ARCHIVE -> writer.describe(options.getConnection(), options.getObject(), record.action(),
                    targetId, payload);
            case RECOVER -> writer.describe(options.getConnection(), options.getObject(), Action.INSERT, null, payload);
            default -> null;
        };
    }
}
