package io.writeback.deadletter;

import java.time.OffsetDateTime;

/**
 * A dead letter as the API shows it.
 *
 * @param replayState     {@code pending}, or {@code replayed} once the record synced in a later run
 * @param settledByRunId  the run in which the record synced
 */
public record DeadLetterView(long id, long runId, String sourceId, String action, Request request, Response response,
        String error, OffsetDateTime failedAt, String replayState, Long settledByRunId) {

    /** The request that was sent. */
    public record Request(String method, String url, String body) {
    }

    /** What came back: the status and body, or nothing when no answer came. */
    public record Response(Integer status, String body) {
    }
}
