package io.writeback.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.connection.BulkEndpoint;
import io.writeback.connection.Connections;
import io.writeback.connection.DeliveryResult;
import io.writeback.connection.HttpConnection;
import io.writeback.connection.ObjectEndpoints;
import io.writeback.connection.OnMissing;
import io.writeback.connection.Placeholders;
import io.writeback.kernel.Action;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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
        DeliveryResult call = connection.sendInsert(endpoints.insert(), object,
                request(endpoints.insert(), null, body(endpoints, payload, true)), intentKey);
        if (!call.succeeded()) {
            return new Written(call, null);
        }
        String id = idIn(call.responseBody(), endpoints.idPointer());
        if (id == null) {
            // The record was most likely created: it stays pending for recovery rather than being created again.
            String error = "the insert answered HTTP " + call.status() + " but has no id at " + endpoints.idPointer()
                    + " (answer: " + excerpt(call.responseBody()) + "); the record may exist, so it is not created again;"
                    + " set id-pointer for object '" + object + "' of connection '" + connectionName + "'";
            return new Written(call.withError(error).landedMaybe(), null);
        }
        return new Written(call, id);
    }

    private static String excerpt(String body) {
        String text = body == null || body.isBlank() ? "empty" : body.strip().replaceAll("\\s+", " ");
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /**
     * Updates the target record; an answer the object reads as "no such record" (a missing status, or no
     * value at its updated-pointer) is a failure marked {@link Written#targetMissing()}.
     */
    public Written update(String connectionName, String object, String targetId, Map<String, Object> payload) {
        HttpConnection connection = connections.get(connectionName);
        ObjectEndpoints endpoints = connection.object(object);
        DeliveryResult call = connection.send(endpoints.update(), object, targetId,
                request(endpoints.update(), targetId, body(endpoints, payload, false)));
        if (endpoints.gone(call, readTree(call.responseBody()))) {
            return new Written(call, null, true);
        }
        String pointer = endpoints.updatedPointer();
        if (call.succeeded() && pointer != null && !holdsValue(call.responseBody(), pointer)) {
            return new Written(call.withError("the update answered HTTP " + call.status() + " with no value at " + pointer
                    + " (answer: " + excerpt(call.responseBody()) + "): nothing was updated"), null, true);
        }
        return new Written(call, call.succeeded() ? targetId : null);
    }

    /** Deletes the target record; one that is gone already (a missing status of the object) counts as deleted. */
    public Written delete(String connectionName, String object, String targetId) {
        HttpConnection connection = connections.get(connectionName);
        ObjectEndpoints endpoints = connection.object(object);
        DeliveryResult call = connection.send(endpoints.delete(), object, targetId, request(endpoints.delete(), targetId, null));
        return new Written(endpoints.gone(call, readTree(call.responseBody())) ? call.withError(null) : call, targetId);
    }

    /** What an update does when its target record is gone, as the object says; null when it leaves it to the sync's mode. */
    OnMissing onMissing(String connectionName, String object) {
        return connections.get(connectionName).object(object).onMissing();
    }

    private boolean holdsValue(String body, String pointer) {
        JsonNode value = readTree(body).at(pointer);
        return !value.isMissingNode() && !value.isNull();
    }

    /** Calls a connection allows under way at once. */
    public int maxInFlight(String connectionName) {
        return connections.get(connectionName).maxInFlight();
    }

    /** Whether a create sent again under the same key is safe: the destination takes idempotency keys. */
    public boolean idempotentInserts(String connectionName) {
        return connections.get(connectionName).idempotentInserts();
    }

    public boolean canLookUp(String connectionName, String object) {
        return connections.get(connectionName).object(object).lookup() != null;
    }

    /** The object's search for many records at once by {@code field}, or null when it has none. */
    BulkEndpoint bulkLookup(String connectionName, String object, String field) {
        return connections.get(connectionName).object(object).bulkLookupFor(field);
    }

    /** What one bulk lookup found: the target id of each value of the field that is in the target. */
    record Found(DeliveryResult call, Map<String, String> targetIdByValue) {

        /**
         * The target id found for {@code value}: the record holding it as given, else the one record holding it
         * in another case, since APIs that search text without regard to case (SOQL, HubSpot's emails) answer
         * with the value as they hold it. Null when none is, or several are.
         */
        String targetIdOf(String value) {
            String exact = targetIdByValue.get(value);
            if (exact != null) {
                return exact;
            }
            List<String> ids = targetIdByValue.entrySet().stream().filter(found -> found.getKey().equalsIgnoreCase(value))
                    .map(Map.Entry::getValue).distinct().toList();
            return ids.size() == 1 ? ids.get(0) : null;
        }
    }

    /** Looks up, in one call, the records whose {@code field} holds one of {@code values}, with the object's bulk lookup. */
    Found lookUpMany(String connectionName, String object, String field, List<String> values) {
        HttpConnection connection = connections.get(connectionName);
        BulkEndpoint bulk = connection.object(object).bulkLookupFor(field);
        String url = connection.urls().filled(bulk.path(), Map.of("object", object, "field", field, "values", String.join(",", values),
                "quotedValues", QueryValues.quoted(values)));
        DeliveryResult call = connection.sendLookup(bulk.method(), url, bulk.method().equals("GET") ? null
                : lookupBody(bulk, field, values), bulk.searches());
        if (!call.succeeded()) {
            return new Found(call, Map.of());
        }
        JsonNode results = readTree(call.responseBody()).at(bulk.resultsPointer());
        if (!results.isArray()) {
            // Nothing found is an empty array: without one, the answer cannot say which records are there.
            return new Found(call.withError("the bulk lookup's answer holds no results at " + bulk.resultsPointer()), Map.of());
        }
        Map<String, String> found = new HashMap<>();
        for (JsonNode result : results) {
            JsonNode value = result.at(bulk.matchPointer().replace("{field}", field));
            String id = TargetIds.of(result.at(bulk.idPointer()));
            if (value.isValueNode() && id != null) {
                found.put(value.asText(), id);
            }
        }
        return new Found(call, found);
    }

    /** A bulk lookup's body: its template filled, or {@code {"<propertyField>": field, "<itemsField>": [items]}}. */
    private String lookupBody(BulkEndpoint bulk, String field, List<String> values) {
        List<Map<String, String>> items = values.stream().map(value -> Map.of(bulk.itemIdField(), value)).toList();
        if (bulk.body() != null) {
            Map<String, Object> filled = Map.of("field", JsonText.escaped(field), "values", serialise(values), "items", serialise(items));
            return Placeholders.fill(bulk.body(), filled, UnaryOperator.identity());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (bulk.propertyField() != null) {
            body.put(bulk.propertyField(), field);
        }
        body.put(bulk.itemsField(), items);
        return serialise(body);
    }

    private JsonNode readTree(String body) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }

    /**
     * Looks the record up by the fields of {@code payload} the object's lookup names. The answer's
     * target id is the found record's, or null when there is none.
     */
    public Written lookup(String connectionName, String object, Map<String, Object> payload) {
        HttpConnection connection = connections.get(connectionName);
        ObjectEndpoints.Lookup lookup = connection.object(object).lookup();
        String url = connection.urls().lookup(lookup, object, payload);
        String body = lookup.body() == null ? null : JsonText.fill(lookup.body(), payload);
        if (url == null || (lookup.body() != null && body == null)) {
            return new Written(new DeliveryResult(lookup.method(), lookup.path(), null, 0, null,
                    "the lookup " + lookup.path() + " of object '" + object + "' needs a field the payload lacks", 0, false),
                    null);
        }
        DeliveryResult call = connection.sendLookup(lookup.method(), url, body, lookup.searches());
        if (lookup.notFoundStatuses().contains(call.status())) {
            return new Written(call.withError(null), null);
        }
        return new Written(call, call.succeeded() ? idIn(call.responseBody(), lookup.idPointer()) : null);
    }

    /** The lookup that would search for the record by the fields of {@code payload}, without sending it (previews). */
    public DeliveryRequest describeLookup(String connectionName, String object, Map<String, Object> payload) {
        HttpConnection connection = connections.get(connectionName);
        ObjectEndpoints.Lookup lookup = connection.object(object).lookup();
        String body = lookup.body() == null ? null : JsonText.fill(lookup.body(), payload);
        return new DeliveryRequest(lookup.method(), connection.urls().lookup(lookup, object, payload), connection.scrub(body));
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
        String request = request(endpoint, targetId, payload == null ? null : body(endpoints, payload, action == Action.INSERT));
        return new DeliveryRequest(endpoint.method(), connection.urls().of(endpoint, object, targetId),
                request == null ? null : connection.scrub(request));
    }

    /**
     * The payload as the object takes it: bare, or inside its payload field ({@code {"properties": {...}}}),
     * its values as strings where the object wants them so, without its association fields (nor its NULLs, where
     * the object leaves them out), and with the object's create fields on a create.
     */
    static Map<String, Object> body(ObjectEndpoints endpoints, Map<String, Object> payload, boolean create) {
        Map<String, Object> fields = payload;
        if (!endpoints.associations().isEmpty() || endpoints.omitsNulls()) {
            // Association fields are made after the write, as associations, not sent as values.
            fields = new LinkedHashMap<>(payload);
            fields.keySet().removeAll(endpoints.associations().keySet());
            if (endpoints.omitsNulls()) {
                fields.values().removeIf(java.util.Objects::isNull);
            }
        }
        Map<String, Object> values = endpoints.sendsStrings() ? PropertyValues.asStrings(fields) : fields;
        if (endpoints.payloadField() == null) {
            return values;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(endpoints.payloadField(), values);
        if (create) {
            body.putAll(endpoints.createFields());
        }
        return body;
    }

    /**
     * The body of a call to {@code endpoint}: its template filled with the payload body and the target id, or the
     * payload body itself; none for a call with neither.
     */
    private String request(ObjectEndpoints.Endpoint endpoint, String targetId, Map<String, Object> payloadBody) {
        String payload = payloadBody == null ? null : serialise(payloadBody);
        if (endpoint.body() == null) {
            return payload;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("payload", payload == null ? "{}" : payload);
        if (targetId != null) {
            values.put("id", targetId.matches("-?\\d{1,18}") ? targetId : serialise(targetId));
        }
        return Placeholders.fill(endpoint.body(), values, UnaryOperator.identity());
    }

    String idIn(String body, String pointer) {
        return TargetIds.of(readTree(body).at(pointer));
    }

    String serialise(Object payload) {
        return JsonText.of(json, payload);
    }

    /**
     * The call made and, when it succeeded, the record's id in the target; {@code targetMissing}: an update
     * failed because its target record is not there.
     */
    public record Written(DeliveryResult call, String targetId, boolean targetMissing) {

        public Written(DeliveryResult call, String targetId) {
            this(call, targetId, false);
        }
    }
}
