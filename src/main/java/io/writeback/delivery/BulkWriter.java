package io.writeback.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.connection.ApiErrors;
import io.writeback.connection.BulkEndpoint;
import io.writeback.connection.Connections;
import io.writeback.connection.DeliveryResult;
import io.writeback.connection.HttpConnection;
import io.writeback.connection.ObjectEndpoints;
import io.writeback.delivery.RecordWriter.Written;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Writes records in bulk calls: creates, updates or deletes. A refused batch is halved down to single
 * records so that only the bad ones fail; each record gets its own result, matched by order or by the
 * key each result echoes, with the API's per-record errors.
 */
@Component
public class BulkWriter {

    /** What a bulk call does. */
    public enum Kind {
        INSERT, UPDATE, DELETE,
        /** New records, created or updated by the object's unique property: never a duplicate. */
        UPSERT
    }

    /** One record of a bulk call: its payload (creates, updates), target id (updates, deletes) and key (creates). */
    public record Item(Map<String, Object> payload, String targetId, String key) {
    }

    /** One result per item, in the order given, and the calls it took. */
    public record Result(List<Written> results, int calls) {
    }

    private static final java.util.Set<Integer> REFUSED_WHOLE = java.util.Set.of(401, 403, 429);

    private final Connections connections;
    private final ObjectMapper json;

    public BulkWriter(Connections connections, ObjectMapper json) {
        this.connections = connections;
        this.json = json;
    }

    public Optional<BulkEndpoint> endpoint(String connectionName, String object, Kind kind) {
        ObjectEndpoints endpoints = connections.get(connectionName).object(object);
        return Optional.ofNullable(switch (kind) {
            case INSERT -> endpoints.bulkInsert();
            case UPDATE -> endpoints.bulkUpdate();
            case DELETE -> endpoints.bulkDelete();
            case UPSERT -> endpoints.idProperty() == null ? null : endpoints.bulkUpsert();
        });
    }

    /** The bulk call that would carry {@code items}, without sending it (previews). */
    DeliveryRequest describe(String connectionName, String object, Kind kind, List<Item> items) {
        HttpConnection connection = connections.get(connectionName);
        ObjectEndpoints endpoints = connection.object(object);
        BulkEndpoint bulk = endpoint(kind, endpoints);
        List<String> bodies = items.stream().map(item -> item(endpoints, bulk, kind, object, item)).toList();
        return new DeliveryRequest(bulk.method(), connection.urls().bulk(bulk, object, targetIds(items)),
                bulk.idsInPath() ? null : connection.scrub(body(bulk, bodies, items)));
    }

    public Result write(String connectionName, String object, Kind kind, List<Item> items) {
        HttpConnection connection = connections.get(connectionName);
        List<Written> results = new ArrayList<>();
        int calls = write(connection, connection.object(object), object, kind, items, results);
        return new Result(results, calls);
    }

    private int write(HttpConnection connection, ObjectEndpoints endpoints, String object, Kind kind, List<Item> items,
            List<Written> results) {
        BulkEndpoint bulk = endpoint(kind, endpoints);
        List<String> bodies = items.stream().map(item -> item(endpoints, bulk, kind, object, item)).toList();
        DeliveryResult call = connection.sendBulk(bulk, object, targetIds(items), bulk.idsInPath() ? null : body(bulk, bodies, items),
                kind != Kind.INSERT);
        if (call.succeeded() && bulk.job() != null) {
            call = connection.awaitJob(bulk.job(), object, call);
        }
        // A refused batch is halved; one that may have landed (a create answered 5xx) is not sent again at all,
        // nor one refused for its credentials or its rate (401, 403, 429), which no record of it would pass.
        if (!call.succeeded() && call.status() > 0 && !call.mayHaveLanded() && !REFUSED_WHOLE.contains(call.status())
                && items.size() > 1) {
            int half = items.size() / 2;
            return call.calls() + write(connection, endpoints, object, kind, items.subList(0, half), results)
                    + write(connection, endpoints, object, kind, items.subList(half, items.size()), results);
        }
        if (!call.succeeded() && call.status() > 0 && items.size() == 1 && (kind == Kind.UPDATE || kind == Kind.DELETE)
                && gone(bulk, readTree(call.responseBody()))) {
            // A record alone in its call, refused with an error that says it is gone (never a bare 404, which may
            // mean the endpoint is not there): deleted already, or an update of a record that is not there.
            results.add(kind == Kind.DELETE ? new Written(call.withError(null), items.get(0).targetId())
                    : new Written(call, null, true));
            return call.calls();
        }
        JsonNode answer = call.succeeded() ? readTree(call.responseBody()) : null;
        Map<String, JsonNode> byKey = matched(bulk, answer);
        for (int i = 0; i < items.size(); i++) {
            DeliveryResult itemCall = new DeliveryResult(call.method(), call.url(), bodies.get(i), call.status(),
                    call.responseBody(), call.error(), 0, call.mayHaveLanded());
            results.add(call.succeeded() ? itemResult(itemCall, kind, bulk, answer, byKey, matchKey(endpoints, kind, items.get(i)),
                    items, i) : new Written(itemCall, null));
        }
        return call.calls();
    }

    private static BulkEndpoint endpoint(Kind kind, ObjectEndpoints endpoints) {
        return switch (kind) {
            case INSERT -> endpoints.bulkInsert();
            case UPDATE -> endpoints.bulkUpdate();
            case DELETE -> endpoints.bulkDelete();
            case UPSERT -> endpoints.bulkUpsert();
        };
    }

    private static List<String> targetIds(List<Item> items) {
        return items.stream().map(Item::targetId).toList();
    }

    /**
     * One item of a bulk call as JSON text: written once, for the call's body and for the item's own record. An
     * upsert's item names the unique property and its value where the endpoint has fields for them; else the
     * value is in the payload.
     */
    private String item(ObjectEndpoints endpoints, BulkEndpoint bulk, Kind kind, String object, Item item) {
        Map<String, Object> node = new LinkedHashMap<>();
        if (kind == Kind.DELETE && bulk.bareIds()) {
            return JsonText.of(json, bulk.idValue(item.targetId()));
        }
        node.putAll(ItemFields.filled(bulk.itemFields(), object));
        if (kind == Kind.UPSERT) {
            if (present(bulk.propertyField())) {
                node.put(bulk.propertyField(), endpoints.idProperty());
            }
            if (present(bulk.itemIdField())) {
                node.put(bulk.itemIdField(), uniqueValue(endpoints, item));
            }
        } else if (kind != Kind.INSERT) {
            node.put(bulk.itemIdField(), bulk.idValue(item.targetId()));
        }
        if (kind != Kind.DELETE) {
            node.putAll(RecordWriter.body(endpoints, item.payload(), kind == Kind.INSERT));
        }
        if (kind == Kind.INSERT && present(bulk.itemKeyField())) {
            node.put(bulk.itemKeyField(), item.key());
        }
        return JsonText.of(json, node);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private String body(BulkEndpoint bulk, List<String> bodies, List<Item> items) {
        String array = "[" + String.join(",", bodies) + "]";
        if (bulk.itemsField() == null || bulk.itemsField().isBlank()) {
            return array;
        }
        StringBuilder body = new StringBuilder("{");
        bulk.fields().forEach((field, value) -> body.append(JsonText.of(json, field)).append(':').append(JsonText.of(json, value))
                .append(','));
        body.append(JsonText.of(json, bulk.itemsField())).append(':').append(array);
        if (bulk.keysField() != null && !bulk.keysField().isBlank()) {
            body.append(',').append(JsonText.of(json, bulk.keysField())).append(':')
                    .append(JsonText.of(json, items.stream().map(Item::key).toList()));
        }
        return body.append('}').toString();
    }

    /** The results by the key they echo, when the endpoint matches results by key. */
    private static Map<String, JsonNode> matched(BulkEndpoint bulk, JsonNode answer) {
        Map<String, JsonNode> byKey = new HashMap<>();
        if (answer != null && bulk.matchPointer() != null && !bulk.matchPointer().isBlank()) {
            answer.at(bulk.resultsIn()).forEach(result -> byKey.put(
                    result.at(bulk.matchPointer()).asText().toLowerCase(java.util.Locale.ROOT), result));
        }
        return byKey;
    }

    private Written itemResult(DeliveryResult call, Kind kind, BulkEndpoint bulk, JsonNode answer,
            Map<String, JsonNode> byKey, String matchKey, List<Item> items, int index) {
        Item item = items.get(index);
        JsonNode result = result(bulk, answer, byKey, matchKey, index, items.size());
        if (kind == Kind.DELETE) {
            // A delete needs no result (an archive may answer 204); one that reports an error failed, unless it says the record is gone.
            JsonNode error = result == null || bulk.errorPointer() == null ? null : result.at(bulk.errorPointer());
            return ApiErrors.reported(error) && !gone(bulk, error) ? new Written(call.withError(refusal(result, error)), null)
                    : new Written(call, item.targetId());
        }
        if (result == null) {
            String reported = reportedErrors(answer, matchKey);
            return reported != null
                    ? new Written(call.withError("the bulk answer has no result for this record and reports: " + reported), null)
                    : kind == Kind.INSERT || kind == Kind.UPSERT
                            ? new Written(call.withError("the bulk answer holds no result for this record").landedMaybe(), null)
                            : new Written(call.withError("the bulk answer holds no result for this record"), null);
        }
        JsonNode error = bulk.errorPointer() == null ? null : result.at(bulk.errorPointer());
        if (ApiErrors.reported(error)) {
            return new Written(call.withError(refusal(result, error)), null, kind == Kind.UPDATE && gone(bulk, error));
        }
        if (kind == Kind.UPDATE) {
            return new Written(call, item.targetId());
        }
        String id = TargetIds.of(result.at(bulk.idPointer()));
        if (id == null) {
            return new Written(call.withError("the bulk answer has no id at " + bulk.idPointer() + " for this record")
                    .landedMaybe(), null);
        }
        return new Written(call, id);
    }

    /** A result's error as a record's outcome, followed by the result's {@code details} where it gives them (Zendesk's). */
    private static String refusal(JsonNode result, JsonNode error) {
        JsonNode details = result.path("details");
        return "the bulk answer refused this record: " + ApiErrors.describe(error) + (details.isTextual() ? " (" + details.asText() + ")" : "");
    }

    /** Whether a result's error says its target record is not there. */
    private static boolean gone(BulkEndpoint bulk, JsonNode error) {
        return ApiErrors.codes(error).stream().anyMatch(bulk.missingErrors()::contains);
    }

    /** What a result echoes to say which item it is for: the create's key, the target id, or the unique property's value. */
    private static String matchKey(ObjectEndpoints endpoints, Kind kind, Item item) {
        String key = switch (kind) {
            case INSERT -> item.key();
            case UPDATE, DELETE -> item.targetId();
            case UPSERT -> uniqueValue(endpoints, item);
        };
        return key == null ? null : key.toLowerCase(java.util.Locale.ROOT);
    }

    private static String uniqueValue(ObjectEndpoints endpoints, Item item) {
        Object value = item.payload().get(endpoints.idProperty());
        return value == null ? null : value.toString();
    }

    private static JsonNode result(BulkEndpoint bulk, JsonNode answer, Map<String, JsonNode> byKey, String key, int index,
            int size) {
        if (answer == null) {
            return null;
        }
        if (bulk.matchPointer() != null && !bulk.matchPointer().isBlank()) {
            return byKey.get(key);
        }
        JsonNode results = answer.at(bulk.resultsIn());
        if (bulk.indexPointer() != null && results.isArray()) {
            for (JsonNode result : results) {
                if (result.at(bulk.indexPointer()).isIntegralNumber() && result.at(bulk.indexPointer()).asInt() == index) {
                    return result;
                }
            }
            return null;
        }
        return results.isArray() && results.size() == size ? results.get(index) : null;
    }

    /**
     * The messages of the errors in an answer's {@code errors} array (HubSpot's multi-status answers) that
     * are about this record: those whose {@code context} names its key, target id or unique value, and
     * those with no context, which may be about any record. Null when none is.
     */
    private static String reportedErrors(JsonNode answer, String matchKey) {
        if (answer == null || !answer.path("errors").isArray()) {
            return null;
        }
        Map<String, Boolean> messages = new LinkedHashMap<>();
        for (JsonNode error : answer.path("errors")) {
            JsonNode context = error.path("context");
            if (!context.isObject() || context.isEmpty() || mentions(context, matchKey)) {
                messages.put(error.path("message").asText(error.toString()), true);
            }
        }
        return messages.isEmpty() ? null : String.join("; ", messages.keySet());
    }

    private static boolean mentions(JsonNode context, String matchKey) {
        for (JsonNode values : context) {
            for (JsonNode value : values.isArray() ? values : List.of(values)) {
                if (value.asText().toLowerCase(java.util.Locale.ROOT).equals(matchKey)) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode readTree(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
