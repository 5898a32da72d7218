package io.writeback.delivery;

/** A request to a destination as it is, or would be, sent: method, URL and JSON body (none for a delete). */
public record DeliveryRequest(String method, String url, String body) {
}
