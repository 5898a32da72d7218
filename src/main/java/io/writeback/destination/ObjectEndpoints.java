package io.writeback.destination;

/**
 * How to write one object of a connection. Paths may hold {@code {object}} and {@code {id}} (the
 * target id, URL-encoded). Unset parts follow REST conventions: {@code POST /{object}},
 * {@code PATCH /{object}/{id}}, {@code DELETE /{object}/{id}}, and the new id at {@code /id}.
 *
 * @param idPointer JSON pointer to the new record's id in the answer to an insert
 */
public record ObjectEndpoints(Endpoint insert, Endpoint update, Endpoint delete, String idPointer) {

    public static ObjectEndpoints conventional() {
        return new ObjectEndpoints(null, null, null, null);
    }

    ObjectEndpoints withDefaults() {
        return new ObjectEndpoints(
                insert == null ? new Endpoint("POST", "/{object}") : insert,
                update == null ? new Endpoint("PATCH", "/{object}/{id}") : update,
                delete == null ? new Endpoint("DELETE", "/{object}/{id}") : delete,
                idPointer == null || idPointer.isBlank() ? "/id" : idPointer);
    }

    /** An HTTP method and a path relative to the connection's base URL. */
    public record Endpoint(String method, String path) {
    }
}
