package io.writeback.connection;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How to write one object of a connection. Paths may hold {@code {object}} and {@code {id}} (the
 * target id, URL-encoded). Unset parts follow REST conventions: {@code POST /{object}},
 * {@code PATCH /{object}/{id}}, {@code DELETE /{object}/{id}}, and the new id at {@code /id}.
 *
 * @param idPointer JSON pointer to the new record's id in the answer to an insert
 * @param lookup    how to find a record by a field of its payload, if the destination allows it: a GET
 *                  path with {@code {field}} placeholders, and the pointer to the found record's id
 * @param bulkLookup a search for many records at once by the values of one field, if the destination has
 *                  one: items {@code {"<itemIdField>": value}}, the field's name in {@code propertyField}, and
 *                  each result's value of that field at {@code matchPointer}; used for {@code matchOn} before {@code lookup}
 * @param bulkRead  a bulk read by the object's {@code idProperty}, if the destination has one: used for
 *                  {@code matchOn} on that property instead of {@code bulkLookup}
 * @param bulkInsert a bulk create endpoint, if the destination has one (else the connection's, if any)
 * @param bulkUpdate a bulk update endpoint, if the destination has one
 * @param bulkDelete a bulk delete (or archive) endpoint, if the destination has one
 * @param bulkUpsert a bulk create-or-update by {@code idProperty}, if the destination has one: used for
 *                  new records instead of {@code bulkInsert}
 * @param payloadField the field that wraps a record's payload in requests ({@code properties} sends
 *                  {@code {"properties": {...}}}); none by default: the payload is the body
 * @param idProperty the payload field that identifies a record in the target (an email, a VAT number):
 *                  profiles build their lookups from it
 * @param stringValues payload values are sent as strings (numbers and booleans as text, NULL as an empty
 *                  string): for APIs whose fields are all text, such as HubSpot's properties
 * @param createFields fields sent beside the payload field in every create, single or bulk (HubSpot's
 *                  {@code "associations": []})
 * @param associations by payload field: the fields that are associations with other records, not values
 * @param onMissing what an update whose target record is gone does; by default {@code recreate} in modes
 *                  upsert and mirror, {@code fail} in mode update
 * @param missingStatuses the answers to an update (or archive) that mean its target record is gone; 404 and 410
 *                  by default. A delete answered so succeeds: the record is gone, as asked
 * @param updatedPointer where a successful update's answer holds the updated record (its id, say): an
 *                  answer with no value there means nothing was updated, as when a missing record's update
 *                  answers 204. Not checked by default
 * @param missingErrors the error codes a refused update or delete answers ({@code name}, {@code code},
 *                  {@code errorCode}...) that mean its target record is gone, as {@code missingStatuses} do
 * @param omitNulls  payload fields whose value is NULL are left out of creates and updates, for APIs whose schema
 *                  takes no null (Pipedrive's); by default a NULL is sent as {@code null}, which clears the field
 */
public record ObjectEndpoints(Endpoint insert, Endpoint update, Endpoint delete, String idPointer, Lookup lookup,
        BulkEndpoint bulkLookup, BulkEndpoint bulkRead, BulkEndpoint bulkInsert, BulkEndpoint bulkUpdate, BulkEndpoint bulkDelete,
        BulkEndpoint bulkUpsert, String payloadField, String idProperty, Boolean stringValues, Map<String, Object> createFields,
        Map<String, Association> associations, OnMissing onMissing, List<Integer> missingStatuses, String updatedPointer,
        Boolean omitNulls, List<String> missingErrors) {

    private static final List<Integer> GONE = List.of(404, 410);

    public static ObjectEndpoints conventional() {
        return new ObjectEndpoints(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** The bulk search {@code matchOn} uses for {@code field}: the bulk read when it is the id property, else the bulk lookup. */
    public BulkEndpoint bulkLookupFor(String field) {
        return bulkRead != null && field.equals(idProperty) ? bulkRead : bulkLookup;
    }

    public boolean sendsStrings() {
        return Boolean.TRUE.equals(stringValues);
    }

    public boolean omitsNulls() {
        return Boolean.TRUE.equals(omitNulls);
    }

    /** Whether an answer with this status, to an update or a delete, means the target record is not there. */
    public boolean missing(int status) {
        return (missingStatuses == null ? GONE : missingStatuses).contains(status);
    }

    /** Whether an update or delete {@code call}, refused with {@code answer}, says its target record is not there. */
    public boolean gone(DeliveryResult call, com.fasterxml.jackson.databind.JsonNode answer) {
        return !call.succeeded() && (missing(call.status())
                || missingErrors != null && ApiErrors.codes(answer).stream().anyMatch(missingErrors::contains));
    }

    /** These endpoints, completed by {@code fallback}'s, then by REST conventions. */
    ObjectEndpoints withDefaults(ObjectEndpoints fallback) {
        return new ObjectEndpoints(
                first(insert, fallback.insert, new Endpoint("POST", "/{object}")),
                first(update, fallback.update, new Endpoint("PATCH", "/{object}/{id}")),
                first(delete, fallback.delete, new Endpoint("DELETE", "/{object}/{id}")),
                first(blankToNull(idPointer), fallback.idPointer, "/id"),
                first(lookup, fallback.lookup, null),
                first(bulkLookup, fallback.bulkLookup, null),
                first(bulkRead, fallback.bulkRead, null),
                first(bulkInsert, fallback.bulkInsert, null),
                first(bulkUpdate, fallback.bulkUpdate, null),
                first(bulkDelete, fallback.bulkDelete, null),
                first(bulkUpsert, fallback.bulkUpsert, null),
                first(blankToNull(payloadField), fallback.payloadField, null),
                first(blankToNull(idProperty), fallback.idProperty, null),
                first(stringValues, fallback.stringValues, false),
                first(createFields, fallback.createFields, Map.of()),
                first(associations, fallback.associations, Map.of()),
                first(onMissing, fallback.onMissing, null),
                first(missingStatuses, fallback.missingStatuses, GONE),
                first(blankToNull(updatedPointer), fallback.updatedPointer, null),
                first(omitNulls, fallback.omitNulls, false),
                first(missingErrors, fallback.missingErrors, List.of()));
    }

    /** These endpoints, their bulk endpoints' unset pointers filled: results at {@code resultsPointer}, each id at /id. */
    ObjectEndpoints withBulkPointers(String resultsPointer) {
        return new ObjectEndpoints(insert, update, delete, idPointer, lookup, pointers(bulkLookup, resultsPointer),
                pointers(bulkRead, resultsPointer), pointers(bulkInsert, resultsPointer), pointers(bulkUpdate, resultsPointer),
                pointers(bulkDelete, resultsPointer), pointers(bulkUpsert, resultsPointer), payloadField, idProperty, stringValues,
                createFields, associations, onMissing, missingStatuses, updatedPointer, omitNulls, missingErrors);
    }

    /** These endpoints, each association without a path made at {@code defaultPath}. */
    ObjectEndpoints withAssociationPath(String defaultPath) {
        Map<String, Association> withPaths = new java.util.LinkedHashMap<>();
        associations.forEach((field, association) -> withPaths.put(field, association.withPath(defaultPath)));
        return new ObjectEndpoints(insert, update, delete, idPointer, lookup, bulkLookup, bulkRead, bulkInsert, bulkUpdate,
                bulkDelete, bulkUpsert, payloadField, idProperty, stringValues, createFields, withPaths, onMissing,
                missingStatuses, updatedPointer, omitNulls, missingErrors);
    }

    private static BulkEndpoint pointers(BulkEndpoint bulk, String resultsPointer) {
        return bulk == null ? null : bulk.withPointers(resultsPointer, "/id");
    }

    private static <T> T first(T own, T fallback, T convention) {
        return own != null ? own : fallback != null ? fallback : convention;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * A search by payload fields: {@code path: "/people?email={email}"}, {@code idPointer: "/results/0/id"};
     * a POST search also has a {@code body} with the same placeholders. No id at the pointer, or an answer
     * in {@code notFoundStatuses} (none by default; 404 for a read by unique value), means no such record.
     * {@code search}: the call counts against the connection's {@code search-rate-limit}.
     */
    public record Lookup(String method, String path, String body, String idPointer, List<Integer> notFoundStatuses,
            Boolean search) {

        public Lookup {
            method = method == null || method.isBlank() ? "GET" : method;
            notFoundStatuses = notFoundStatuses == null ? List.of() : notFoundStatuses;
        }

        public boolean searches() {
            return Boolean.TRUE.equals(search);
        }
    }

    /**
     * An HTTP method and a path relative to the connection's base URL; with a {@code body}, the request is that
     * template filled: {@code {payload}} the payload as the object sends it (a JSON object), {@code {id}} the
     * target id as JSON (a number when it is all digits, else a string): {@code {"ids": [{id}], "vals": {payload}}}.
     */
    public record Endpoint(String method, String path, String body) {

        public Endpoint(String method, String path) {
            this(method, path, null);
        }

        @ConstructorBinding
        public Endpoint {
        }
    }
}
