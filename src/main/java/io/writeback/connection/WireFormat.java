package io.writeback.connection;

import io.writeback.connection.HttpTransport.Answer;
import java.io.IOException;

/**
 * How a connection's calls travel: as its endpoints describe them, or re-shaped for an older protocol of the
 * same API (Odoo's JSON-RPC for its JSON-2 endpoints). Everything above the wire sees the endpoints' shapes.
 */
interface WireFormat {

    /** Calls go as they are. */
    WireFormat AS_IS = new WireFormat() {
    };

    /** A request as it goes on the wire. */
    record Request(String method, String url, String json) {
    }

    /** The request to send for a call to {@code url}; an IOException when it cannot be made (a login refused). */
    default Request outgoing(String method, String url, String json) throws IOException {
        return new Request(method, url, json);
    }

    /** The answer as the endpoints read it. */
    default Answer incoming(Answer answer) {
        return answer;
    }

    /** Whether the requests carry the credentials themselves, so that no header does. */
    default boolean carriesCredentials() {
        return false;
    }

    /** Forgets what it learnt from the credentials (a session, a user id): they may have changed. */
    default void reset() {
    }
}
