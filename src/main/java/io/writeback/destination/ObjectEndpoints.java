package io.writeback.destination;

/**
 * How to write one object of a connection. Paths may hold {@code {object}} and {@code {id}} (the
 * target id, URL-encoded). Unset parts follow REST conventions: {@code POST /{object}},
 * {@code PATCH /{object}/{id}}, {@code DELETE /{object}/{id}}, and the new id at {@code /id}.
 *
 * @param idPointer JSON pointer to the new record's id in the answer to an insert
 * @param lookup    how to find a record by a field of its payload, if the destination allows it: a GET
 *                  path with {@code {field}} placeholders, and the pointer to the found record's id
 * @param bulkInsert a bulk create endpoint, if the destination has one (else the connection's, if any)
 */
public record ObjectEndpoints(Endpoint insert, Endpoint update, Endpoint delete, String idPointer, Lookup lookup,
        BulkInsert bulkInsert) {

    public static ObjectEndpoints conventional() {
        return new ObjectEndpoints(null, null, null, null, null, null);
    }

    ObjectEndpoints withDefaults(BulkInsert connectionBulkInsert) {
        return new ObjectEndpoints(
                insert == null ? new Endpoint("POST", "/{object}") : insert,
                update == null ? new Endpoint("PATCH", "/{object}/{id}") : update,
                delete == null ? new Endpoint("DELETE", "/{object}/{id}") : delete,
                idPointer == null || idPointer.isBlank() ? "/id" : idPointer,
                lookup,
                bulkInsert == null ? connectionBulkInsert : bulkInsert);
    }

    /**
     * A search by payload fields: {@code path: "/people?email={email}"}, {@code idPointer: "/results/0/id"}.
     * No id at the pointer means no such record.
     */
    public record Lookup(String path, String idPointer) {
    }

    /** An HTTP method and a path relative to the connection's base URL. */
    public record Endpoint(String method, String path) {
    }
}
