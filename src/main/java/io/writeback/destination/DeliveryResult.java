package io.writeback.destination;

/**
 * One HTTP exchange with a destination, as sent and as answered, with credentials already removed.
 *
 * @param status the HTTP status, or 0 when no answer came
 * @param error  why the call failed, or null when it succeeded
 */
public record DeliveryResult(String method, String url, String requestBody, int status, String responseBody,
        String error) {

    public boolean succeeded() {
        return error == null;
    }

    /** The same call judged differently: a success ({@code null}) or the given error. */
    DeliveryResult withError(String newError) {
        return new DeliveryResult(method, url, requestBody, status, responseBody, newError);
    }
}
