package io.writeback.connection;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * A bulk endpoint: one POST writes up to {@code maxBatch} records; its answer holds one result per
 * record, in the order sent, or matched by a key each result echoes.
 *
 * @param path           relative to the base URL, with {@code {object}}
 * @param itemsField     the body is {@code {"<itemsField>": [...]}}; blank: the body is the bare array
 * @param resultsPointer where the answer holds the results, {@code /results} by default; empty: the answer is the
 *                       array of results
 * @param idPointer      where a result holds the record's id, {@code /id} by default; empty: the result is the id
 * @param errorPointer   where a result holds a per-record error, if the API reports them
 * @param maxBatch       the most records one call may carry, 100 by default
 * @param keysField      a body field holding one idempotency key per item, in order, if the API takes them
 * @param itemKeyField   a field inside each item holding its key (creates), if the API takes them there
 * @param matchPointer   where a result echoes its item's key: results are then matched by key, not by order
 * @param itemIdField    updates and deletes: the field inside each item holding the target id, {@code id} by default;
 *                       an empty one makes each item the bare id ({@code ["7", "8"]}); upserts: the field holding
 *                       the value of the object's unique property
 * @param propertyField  upserts: the field inside each item naming the unique property ({@code idProperty})
 * @param method         {@code POST} by default; {@code PATCH}, {@code PUT} or {@code DELETE} (with a body) for APIs
 *                       that take bulk writes so; lookups may {@code GET}, with {@code {field}} and {@code {values}}
 *                       (comma-separated) in the path
 * @param body           lookups: the body to send instead of the items, with {@code {field}} (the field searched,
 *                       inside a JSON string), {@code {values}} (a JSON array of the values) and {@code {items}}
 * @param search         the call counts against the connection's {@code search-rate-limit}
 * @param fields         fields sent beside the items in every call ({@code "allOrNone": false})
 * @param itemFields     fields added to every item, {@code {object}} in their text values filled with the object's
 *                       name ({@code "attributes": {"type": "{object}"}})
 * @param missingErrors  the error codes a result may report ({@code statusCode}, {@code errorCode} or {@code code}
 *                       at {@code errorPointer}) that mean its target record is gone: a delete so answered
 *                       succeeded, an update failed for a missing record. A path with {@code {ids}} sends the
 *                       target ids there, comma-separated, and no body (bulk deletes by query)
 * @param job            the job the call's answer names, when the API works a bulk call in the background: its
 *                       results are read from the finished job ({@link BulkJob})
 * @param indexPointer   where a result gives the position of its record in the call, for APIs whose results
 *                       come in any order and say which record they are for by its index
 * @param numericIds     target ids in bodies go as JSON numbers ({@code {"ids": [7, 8]}}), for APIs whose ids are numbers
 */
public record BulkEndpoint(String path, String itemsField, String resultsPointer, String idPointer, String errorPointer,
        Integer maxBatch, String keysField, String itemKeyField, String matchPointer, String itemIdField,
        String propertyField, String method, String body, Boolean search, Map<String, Object> fields,
        Map<String, Object> itemFields, List<String> missingErrors, Boolean numericIds, BulkJob job, String indexPointer) {

    @ConstructorBinding
    public BulkEndpoint {
        maxBatch = maxBatch == null ? 100 : maxBatch;
        itemIdField = itemIdField == null ? "id" : itemIdField;
        method = method == null || method.isBlank() ? "POST" : method.toUpperCase(java.util.Locale.ROOT);
        fields = fields == null ? Map.of() : fields;
        itemFields = itemFields == null ? Map.of() : itemFields;
        missingErrors = missingErrors == null ? List.of() : missingErrors;
    }

    public BulkEndpoint(String path, String itemsField, String resultsPointer, String idPointer, String errorPointer,
            Integer maxBatch, String keysField, String itemKeyField, String matchPointer, String itemIdField,
            String propertyField, String method, String body, Boolean search) {
        this(path, itemsField, resultsPointer, idPointer, errorPointer, maxBatch, keysField, itemKeyField, matchPointer,
                itemIdField, propertyField, method, body, search, null, null, null, null, null, null);
    }

    /** The same endpoint, its unset results and id pointers taken from the connection's defaults. */
    BulkEndpoint withPointers(String defaultResultsPointer, String defaultIdPointer) {
        return new BulkEndpoint(path, itemsField, resultsPointer == null ? defaultResultsPointer : resultsPointer,
                idPointer == null ? defaultIdPointer : idPointer, errorPointer, maxBatch, keysField, itemKeyField, matchPointer,
                itemIdField, propertyField, method, body, search, fields, itemFields, missingErrors, numericIds, job, indexPointer);
    }

    /** A target id as it goes in a body: the text, or the number where the endpoint's ids are numbers. */
    public Object idValue(String targetId) {
        return Boolean.TRUE.equals(numericIds) && targetId != null && targetId.matches("-?\\d{1,18}") ? Long.valueOf(targetId)
                : targetId;
    }

    /** Where the results are: in the finished job's answer for a call worked as a job, else in the call's answer. */
    public String resultsIn() {
        return job != null ? job.resultsPointer() : resultsPointer;
    }

    /** Whether the target ids go in the path ({@code ?ids={ids}}) rather than in a body. */
    public boolean idsInPath() {
        return path.contains("{ids}");
    }

    /** Each item is the bare target id rather than an object holding it. */
    public boolean bareIds() {
        return itemIdField.isEmpty();
    }

    public boolean searches() {
        return Boolean.TRUE.equals(search);
    }

    /** Whether a record created in bulk can be sent again under its own key. */
    public boolean takesKeys() {
        return present(keysField) || present(itemKeyField);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
