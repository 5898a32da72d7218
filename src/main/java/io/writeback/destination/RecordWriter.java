package io.writeback.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.plan.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Writes single records to a connection's objects and reads the new id from the answer. */
@Component
public class RecordWriter {

    private final Connections connections;
    private final ObjectMapper json;

    public RecordWriter(Connections connections, ObjectMapper json) {
        this.connections = connections;
        this.json = json;
    }

    /** Creates a record; {@code intentKey} goes in the connection's idempotency header when it has one. */
    public Written insert(String connectionName, String object, Map<String, Object> payload, String intentKey) {
        HttpConnection connection = connections.get(connectionName);
        ObjectEndpoints endpoints = connection.object(object);
        DeliveryResult call = connection.sendInsert(endpoints.insert(), object, serialise(payload), intentKey);
        if (!call.succeeded()) {
            return new Written(call, null);
        }
        String id = idIn(call.responseBody(), endpoints.idPointer());
        if (id == null) {
            String error = "the insert answered HTTP " + call.status() + " but has no id at " + endpoints.idPointer()
                    + "; set id-pointer for object '" + object + "' of connection '" + connectionName + "'";
            return new Written(call.withError(error), null);
        }
        return new Written(call, id);
    }

    public Written update(String connectionName, String object, String targetId, Map<String, Object> payload) {
        HttpConnection connection = connections.get(connectionName);
        DeliveryResult call = connection.send(connection.object(object).update(), object, targetId, serialise(payload));
        return new Written(call, call.succeeded() ? targetId : null);
    }

    /** Deletes the target record; one that is already gone (404) counts as deleted. */
    public Written delete(String connectionName, String object, String targetId) {
        HttpConnection connection = connections.get(connectionName);
        DeliveryResult call = connection.send(connection.object(object).delete(), object, targetId, null);
        return new Written(call.status() == 404 ? call.withError(null) : call, targetId);
    }

    /** Calls a connection allows under way at once. */
    public int maxInFlight(String connectionName) {
        return connections.get(connectionName).maxInFlight();
    }

    /** The object's bulk create endpoint, if it has one. */
    public java.util.Optional<BulkInsert> bulkInsert(String connectionName, String object) {
        return java.util.Optional.ofNullable(connections.get(connectionName).object(object).bulkInsert());
    }

    /**
     * Creates {@code payloads} in one bulk call, halving a refused batch down to single records so that
     * only the bad ones fail. One result per payload, in order; {@code calls} counts every call made.
     */
    public BulkResult insertAll(String connectionName, String object, List<Map<String, Object>> payloads,
            List<String> keys) {
        HttpConnection connection = connections.get(connectionName);
        BulkInsert bulk = connection.object(object).bulkInsert();
        List<Written> results = new ArrayList<>();
        int calls = insertAll(connection, object, bulk, payloads, keys, results);
        return new BulkResult(results, calls);
    }

    private int insertAll(HttpConnection connection, String object, BulkInsert bulk, List<Map<String, Object>> payloads,
            List<String> keys, List<Written> results) {
        List<String> items = payloads.stream().map(this::serialise).toList();
        DeliveryResult call = connection.sendBulkInsert(bulk, object, bulkBody(bulk, items, keys));
        if (!call.succeeded() && call.status() > 0 && payloads.size() > 1) {
            int half = payloads.size() / 2;
            return call.calls()
                    + insertAll(connection, object, bulk, payloads.subList(0, half), keys.subList(0, half), results)
                    + insertAll(connection, object, bulk, payloads.subList(half, payloads.size()),
                            keys.subList(half, keys.size()), results);
        }
        JsonNode tree = call.succeeded() ? readTree(call.responseBody()) : null;
        JsonNode answers = tree == null ? null : tree.at(bulk.resultsPointer());
        for (int i = 0; i < payloads.size(); i++) {
            DeliveryResult item = new DeliveryResult(call.method(), call.url(), items.get(i), call.status(),
                    call.responseBody(), call.error(), 0, call.mayHaveLanded());
            results.add(call.succeeded() ? itemResult(item, answers, i, payloads.size(), bulk) : new Written(item, null));
        }
        return call.calls();
    }

    private String bulkBody(BulkInsert bulk, List<String> items, List<String> keys) {
        String array = "[" + String.join(",", items) + "]";
        if (bulk.itemsField() == null || bulk.itemsField().isBlank()) {
            return array;
        }
        return "{" + serialise(bulk.itemsField()) + ":" + array
                + (bulk.takesKeys() ? "," + serialise(bulk.keysField()) + ":" + serialise(keys) : "") + "}";
    }

    private static Written itemResult(DeliveryResult item, JsonNode answers, int index, int size, BulkInsert bulk) {
        if (answers == null || !answers.isArray() || answers.size() != size) {
            return new Written(item.withError("the bulk answer holds " + (answers == null || !answers.isArray() ? "no"
                    : answers.size()) + " results at " + bulk.resultsPointer() + " for " + size + " records sent")
                    .landedMaybe(), null);
        }
        JsonNode answer = answers.get(index);
        JsonNode error = bulk.errorPointer() == null ? null : answer.at(bulk.errorPointer());
        if (error != null && !error.isMissingNode() && !error.isNull() && !error.asText().isEmpty()) {
            return new Written(item.withError("the bulk answer refused this record: " + (error.isTextual() ? error.asText()
                    : error.toString())), null);
        }
        JsonNode id = answer.at(bulk.idPointer());
        if (id.isMissingNode() || id.isNull() || id.isContainerNode()) {
            return new Written(item.withError("the bulk answer has no id at " + bulk.idPointer() + " for this record")
                    .landedMaybe(), null);
        }
        return new Written(item, id.asText());
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The results of a bulk create, one per record in the order given, and the calls it took. */
    public record BulkResult(List<Written> results, int calls) {
    }

    /** Whether a create sent again under the same key is safe: the destination takes idempotency keys. */
    public boolean idempotentInserts(String connectionName) {
        return connections.get(connectionName).idempotentInserts();
    }

    public boolean canLookUp(String connectionName, String object) {
        return connections.get(connectionName).object(object).lookup() != null;
    }

    /**
     * Looks the record up by the fields of {@code payload} the object's lookup names. The answer's
     * target id is the found record's, or null when there is none.
     */
    public Written lookup(String connectionName, String object, Map<String, Object> payload) {
        HttpConnection connection = connections.get(connectionName);
        ObjectEndpoints.Lookup lookup = connection.object(object).lookup();
        String url = connection.lookupUrl(lookup, object, payload);
        if (url == null) {
            return new Written(new DeliveryResult("GET", lookup.path(), null, 0, null,
                    "the lookup " + lookup.path() + " of object '" + object + "' needs a field the payload lacks", 0, false),
                    null);
        }
        DeliveryResult call = connection.get(url);
        return new Written(call, call.succeeded() ? idIn(call.responseBody(), lookup.idPointer()) : null);
    }

    /** The request a write would send, without sending it (previews). */
    public DeliveryRequest describe(String connectionName, String object, Action action, String targetId,
            Map<String, Object> payload) {
        HttpConnection connection = connections.get(connectionName);
        ObjectEndpoints endpoints = connection.object(object);
        ObjectEndpoints.Endpoint endpoint = switch (action) {
            case INSERT -> endpoints.insert();
            case UPDATE, ARCHIVE -> endpoints.update();
            case DELETE -> endpoints.delete();
            default -> throw new IllegalArgumentException(action + " sends nothing");
        };
        return new DeliveryRequest(endpoint.method(), connection.url(endpoint, object, targetId),
                payload == null ? null : connection.scrub(serialise(payload)));
    }

    private String idIn(String body, String pointer) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode id = json.readTree(body).at(pointer);
            return id.isMissingNode() || id.isNull() || id.isContainerNode() ? null : id.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The call made and, when it succeeded, the record's id in the target. */
    public record Written(DeliveryResult call, String targetId) {
    }
}
