package io.writeback.connection;

/**
 * One request to a destination, as sent and as last answered, with credentials already removed.
 *
 * @param status        the HTTP status of the last call, or 0 when no answer came
 * @param error         why the request failed, or null when it succeeded
 * @param calls         the HTTP calls it took, retries included
 * @param mayHaveLanded a create whose answer never came (a timeout, a reset): the record may exist
 */
public record DeliveryResult(String method, String url, String requestBody, int status, String responseBody,
        String error, int calls, boolean mayHaveLanded) {

    public boolean succeeded() {
        return error == null;
    }

    /** The same request, counting {@code earlierCalls} more calls made for the same record (a lookup before it). */
    public DeliveryResult afterCalls(int earlierCalls) {
        return new DeliveryResult(method, url, requestBody, status, responseBody, error, calls + earlierCalls, mayHaveLanded);
    }

    /** The same call as the outcome of one more record: counted once already, with the first. */
    public DeliveryResult alreadyCounted() {
        return new DeliveryResult(method, url, requestBody, status, responseBody, error, 0, mayHaveLanded);
    }

    /** The same call, for a create that may have landed although its result is unusable. */
    public DeliveryResult landedMaybe() {
        return new DeliveryResult(method, url, requestBody, status, responseBody, error, calls, true);
    }

    /** The same call judged differently: a success ({@code null}) or the given error. */
    public DeliveryResult withError(String newError) {
        return new DeliveryResult(method, url, requestBody, status, responseBody, newError, calls, mayHaveLanded);
    }
}
