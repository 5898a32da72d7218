package io.writeback.delivery;

import io.writeback.connection.PayloadPaths;
import io.writeback.kernel.Action;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.SyncRecord;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a chunk would send, record by record, into the run's trace: the requests as the run sends them
 * (bulk calls with their whole body, the lookup that comes before a recovered or matched insert), and
 * why a record sends nothing. Nothing is sent and nothing is written.
 */
final class DeliveryPreview {

    private final RecordDelivery delivery;
    private final RunContext run;

    DeliveryPreview(RecordDelivery delivery, RunContext run) {
        this.delivery = delivery;
        this.run = run;
    }

    void trace(List<SyncRecord> chunk) {
        Map<SyncRecord, DeliveryRequest> bulk = bulkRequests(chunk);
        for (SyncRecord record : chunk) {
            DeliveryRequest request = bulk.containsKey(record) ? bulk.get(record) : request(record);
            run.trace().add(record, request == null ? null : request.method(), request == null ? null : request.url(),
                    request == null ? null : request.body(), null, null, null);
        }
    }

    /**
     * The bulk call of each record that would go in one: the first record of a call shows its whole body,
     * the others say which call carries them.
     */
    private Map<SyncRecord, DeliveryRequest> bulkRequests(List<SyncRecord> chunk) {
        Map<SyncRecord, DeliveryRequest> requests = new IdentityHashMap<>();
        delivery.bulkKinds().forEach((kind, action) -> {
            List<SyncRecord> records = chunk.stream().filter(record -> record.action() == action).toList();
            for (List<SyncRecord> batch : delivery.batches(kind, records)) {
                DeliveryRequest call = delivery.describeBulk(kind, batch);
                SyncRecord first = batch.get(0);
                requests.put(first, call);
                explain(first, "in a bulk " + kind.name().toLowerCase() + " of " + batch.size() + " record(s), shown whole here");
                for (int i = 1; i < batch.size(); i++) {
                    requests.put(batch.get(i), new DeliveryRequest(call.method(), call.url(), null));
                    explain(batch.get(i), "item " + (i + 1) + " of the bulk " + kind.name().toLowerCase() + " shown with record "
                            + first.sourceId());
                }
            }
        });
        return requests;
    }

    private DeliveryRequest request(SyncRecord record) {
        if (record.action() == Action.RECOVER) {
            if (!delivery.canRecover(record)) {
                record.decide(Action.RECOVER, RecordDelivery.UNKNOWN_OUTCOME);
                return null;
            }
            if (delivery.resendsUnderOldKey(record)) {
                explain(record, "sent again under the idempotency key of the first attempt");
                return delivery.describe(record);
            }
            explain(record, "looked up first: updated when the target has it, else created");
            return delivery.describeLookup(record);
        }
        if (record.action() == Action.INSERT && delivery.matchOn() != null && PayloadPaths.at(record.payload(), delivery.matchOn()) != null) {
            explain(record, "looked up by " + delivery.matchOn() + " first: updated when the target has it, else created");
        }
        return delivery.describe(record);
    }

    /** Adds to the record's reason what the preview knows of how it would be sent. */
    private static void explain(SyncRecord record, String how) {
        record.decide(record.action(), record.reason() == null ? how : record.reason() + "; " + how);
    }
}
