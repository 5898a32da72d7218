package io.writeback.destination;

/**
 * A bulk create endpoint: one call creates up to {@code maxBatch} records, and its answer holds one
 * result per record, in the order sent.
 *
 * @param path           relative to the base URL, with {@code {object}}; the method is POST
 * @param itemsField     the body is {@code {"<itemsField>": [...]}}; blank: the body is the bare array
 * @param resultsPointer where the answer holds the results, {@code /results} by default
 * @param idPointer      where a result holds the new record's id, {@code /id} by default
 * @param errorPointer   where a result holds a per-record error, if the API reports them
 * @param maxBatch       the most records one call may carry, 100 by default
 * @param keysField      the body field holding one idempotency key per item, in order, if the API takes them:
 *                       a record whose bulk create's answer was lost is then sent again under its key
 */
public record BulkInsert(String path, String itemsField, String resultsPointer, String idPointer, String errorPointer,
        Integer maxBatch, String keysField) {

    public BulkInsert {
        resultsPointer = resultsPointer == null || resultsPointer.isBlank() ? "/results" : resultsPointer;
        idPointer = idPointer == null || idPointer.isBlank() ? "/id" : idPointer;
        maxBatch = maxBatch == null ? 100 : maxBatch;
    }

    boolean takesKeys() {
        return keysField != null && !keysField.isBlank();
    }
}
