package io.writeback.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.connection.Association;
import io.writeback.connection.Connections;
import io.writeback.connection.DeliveryResult;
import io.writeback.connection.HttpConnection;
import io.writeback.kernel.Action;
import io.writeback.kernel.RunCounts;
import io.writeback.kernel.SyncRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Makes the associations of the records a chunk created or updated: for each association field of the
 * object, the records holding a value are associated with that record, 100 at a time (HubSpot's v4
 * batch create, labelled by type). Creating an association that exists changes nothing, so one sent
 * again is harmless. A record whose association failed fails, keeping its target id: the next run
 * sends it again, association included.
 */
@Component
class AssociationWriter {

    private static final int MAX_BATCH = 100;

    private final Connections connections;
    private final ObjectMapper json;

    AssociationWriter(Connections connections, ObjectMapper json) {
        this.connections = connections;
        this.json = json;
    }

    /** Associates the records {@code written} successfully; those whose association failed get that failure as their outcome. */
    void link(DeliverOptions options, Map<SyncRecord, RecordWriter.Written> written, RunCounts counts) {
        HttpConnection connection = connections.get(options.getConnection());
        Map<String, Association> associations = connection.object(options.getObject()).associations();
        associations.forEach((field, association) -> {
            List<SyncRecord> records = written.entrySet().stream()
                    .filter(entry -> entry.getValue().call().succeeded() && entry.getValue().targetId() != null
                            && (entry.getKey().action() == Action.INSERT || entry.getKey().action() == Action.UPDATE)
                            && entry.getKey().payload().get(field) != null)
                    .map(Map.Entry::getKey).toList();
            for (int from = 0; from < records.size(); from += MAX_BATCH) {
                List<SyncRecord> batch = records.subList(from, Math.min(records.size(), from + MAX_BATCH));
                DeliveryResult call = send(connection, options.getObject(), field, association, batch, written);
                counts.httpCalls(call.calls());
                if (!call.succeeded()) {
                    String error = "written, but its association " + field + " with " + association.to() + " failed: " + call.error();
                    batch.forEach(record -> written.put(record, new RecordWriter.Written(call.withError(error).alreadyCounted(),
                            written.get(record).targetId())));
                }
            }
        });
    }

    private DeliveryResult send(HttpConnection connection, String object, String field, Association association,
            List<SyncRecord> batch, Map<SyncRecord, RecordWriter.Written> written) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (SyncRecord record : batch) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("from", Map.of("id", written.get(record).targetId()));
            input.put("to", Map.of("id", record.payload().get(field).toString()));
            input.put("types", List.of(Map.of("associationCategory", association.category(), "associationTypeId",
                    association.typeId())));
            inputs.add(input);
        }
        String url = connection.urls().filled(association.path(), Map.of("object", object, "to", association.to()));
        return connection.sendRepeatable("POST", url, JsonText.of(json, Map.of("inputs", inputs)));
    }
}
