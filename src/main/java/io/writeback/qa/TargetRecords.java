package io.writeback.qa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.writeback.connection.BulkEndpoint;
import io.writeback.connection.DeliveryResult;
import io.writeback.connection.HttpConnection;
import io.writeback.connection.ObjectEndpoints;
import io.writeback.connection.Placeholders;
import io.writeback.connection.RecordReads;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads one object's records back from a connection by their ids: many per call with the connection's bulk read,
 * else one GET each. Every call goes through the connection, under its rate limit and calls in flight.
 */
final class TargetRecords {

    private final HttpConnection connection;
    private final String object;
    private final ObjectMapper json;
    private final RecordReads reads;
    private final ObjectEndpoints endpoints;
    private final String fieldsPointer;

    TargetRecords(HttpConnection connection, String object, ObjectMapper json) {
        this.connection = connection;
        this.object = object;
        this.json = json;
        this.reads = connection.reads();
        this.endpoints = connection.object(object);
        this.fieldsPointer = reads.fieldsPointerFor(endpoints.payloadField());
    }

    ObjectEndpoints endpoints() {
        return endpoints;
    }

    /**
     * The fields of each record found, by id; an id missing from the answer is a record the target no longer has.
     *
     * @param fields the names of the fields compared, for a bulk read that asks for them
     * @throws TargetReadException when a read fails otherwise
     */
    Map<String, JsonNode> read(List<String> ids, Collection<String> fields) {
        Map<String, JsonNode> found = new HashMap<>();
        BulkEndpoint bulk = reads.bulk();
        if (bulk == null) {
            ids.forEach(id -> readOne(id).ifPresent(record -> found.put(id, record)));
            return found;
        }
        for (int from = 0; from < ids.size(); from += bulk.maxBatch()) {
            readMany(bulk, ids.subList(from, Math.min(ids.size(), from + bulk.maxBatch())), fields, found);
        }
        return found;
    }

    private Optional<JsonNode> readOne(String id) {
        DeliveryResult answer = connection.sendRepeatable("GET", connection.urls().of(reads.one(), object, id), null);
        if (!answer.succeeded() && endpoints.missing(answer.status())) {
            return Optional.empty();
        }
        JsonNode record = parsed(answer);
        return Optional.of(record.at(fieldsPointer));
    }

    private void readMany(BulkEndpoint bulk, List<String> ids, Collection<String> fields, Map<String, JsonNode> found) {
        DeliveryResult answer = connection.sendRepeatable(bulk.method(), connection.urls().bulk(bulk, object),
                body(bulk, ids, fields));
        JsonNode results = parsed(answer).at(bulk.resultsPointer());
        if (!results.isArray()) {
            throw new TargetReadException("the bulk read " + answer.url() + " answered no results at " + bulk.resultsPointer());
        }
        for (JsonNode result : results) {
            JsonNode id = result.at(bulk.idPointer());
            if (!id.isMissingNode() && !id.isNull() && ids.contains(id.asText())) {
                found.put(id.asText(), result.at(fieldsPointer));
            }
        }
    }

    /** The bulk read's body: its template filled ({@code {items}}, {@code {values}}, {@code {fields}}), else the items. */
    private String body(BulkEndpoint bulk, List<String> ids, Collection<String> fields) {
        ArrayNode items = json.createArrayNode();
        ids.forEach(id -> {
            if (bulk.bareIds()) {
                items.add(id);
            } else {
                items.addObject().put(bulk.itemIdField(), id);
            }
        });
        if (bulk.body() != null) {
            String filled = Placeholders.fill(bulk.body(), Map.of("items", items.toString(), "values",
                    json.valueToTree(ids).toString(), "fields", json.valueToTree(fields).toString()), UnaryOperator.identity());
            if (filled == null) {
                throw new TargetReadException("read.bulk.body may hold {items}, {values} and {fields}, and no other placeholder");
            }
            return filled;
        }
        return bulk.itemsField() == null || bulk.itemsField().isBlank() ? items.toString()
                : json.createObjectNode().set(bulk.itemsField(), items).toString();
    }

    private JsonNode parsed(DeliveryResult answer) {
        if (!answer.succeeded()) {
            throw new TargetReadException("reading " + answer.method() + " " + answer.url() + " failed: " + answer.error());
        }
        try {
            return json.readTree(answer.responseBody() == null ? "" : answer.responseBody());
        } catch (JsonProcessingException e) {
            throw new TargetReadException("the answer to " + answer.method() + " " + answer.url() + " is not JSON: "
                    + e.getOriginalMessage());
        }
    }
}
