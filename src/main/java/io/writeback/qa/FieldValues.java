package io.writeback.qa;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether the value a sync sends for a field and the value the target holds are the same. */
final class FieldValues {

    private FieldValues() {
    }

    /**
     * The same JSON value; numbers by value ({@code 5} and {@code 5.0}); nothing, null and the empty string alike,
     * as a target may drop a field it was sent empty, and text-only APIs clear a field with {@code ""}.
     */
    static boolean same(JsonNode sent, JsonNode held) {
        if (empty(sent) || empty(held)) {
            return empty(sent) && empty(held);
        }
        if (sent.isNumber() && held.isNumber()) {
            return sent.decimalValue().compareTo(held.decimalValue()) == 0;
        }
        return sent.equals(held);
    }

    private static boolean empty(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isEmpty();
    }
}
