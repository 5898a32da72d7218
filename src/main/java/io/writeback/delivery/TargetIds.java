package io.writeback.delivery;

import com.fasterxml.jackson.databind.JsonNode;

/** A target id as a destination's answer gives it: a string, or an integer written out whole; nothing else counts. */
final class TargetIds {

    private TargetIds() {
    }

    /** The id {@code node} holds, or null when it holds none a record could be found by again (a float, a flag, a null). */
    static String of(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().isEmpty() ? null : node.asText();
        }
        return node.isIntegralNumber() ? node.bigIntegerValue().toString() : null;
    }
}
