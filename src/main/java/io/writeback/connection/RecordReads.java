package io.writeback.connection;

/**
 * How a connection's records are read back by their ids, for QA checks: one at a time with a GET on {@code path},
 * or many at once with {@code bulk}.
 *
 * @param path          a GET path with {@code {object}} and {@code {id}}; {@code /{object}/{id}} by default
 * @param fieldsPointer where a record read (an answer, or one result of a bulk read) holds its fields; by default
 *                      the object's {@code payload-field} ({@code /properties}), else the record itself
 * @param bulk          a bulk read by ids: each item is {@code {"<item-id-field>": id}} (or the bare id), or its
 *                      {@code body} places {@code {items}}, {@code {values}} (the ids) and {@code {fields}} (the names
 *                      of the fields compared); the answer holds the records found, each with its id at
 *                      {@code id-pointer}
 */
public record RecordReads(String path, String fieldsPointer, BulkEndpoint bulk) {

    public RecordReads {
        path = path == null || path.isBlank() ? "/{object}/{id}" : path;
        fieldsPointer = fieldsPointer == null || fieldsPointer.isBlank() ? null : fieldsPointer;
    }

    /** The GET of one record, as an endpoint. */
    public ObjectEndpoints.Endpoint one() {
        return new ObjectEndpoints.Endpoint("GET", path);
    }

    /** Where the fields of a record read of an object with {@code payloadField} are. */
    public String fieldsPointerFor(String payloadField) {
        return fieldsPointer != null ? fieldsPointer : payloadField != null ? "/" + payloadField : "";
    }

    /** These reads, the bulk read's unset pointers filled with the connection's defaults. */
    RecordReads withBulkPointers(String resultsPointer) {
        return bulk == null ? this : new RecordReads(path, fieldsPointer, bulk.withPointers(resultsPointer, "/id"));
    }
}
