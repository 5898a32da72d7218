package io.writeback.connection;

import java.util.List;
import java.util.Map;

/**
 * A value in a payload by its name, or by a dotted path into the nested objects and lists the payload holds:
 * {@code emails.0.value} is the value of the first of a person's {@code emails}.
 */
public final class PayloadPaths {

    private PayloadPaths() {
    }

    /** The value at {@code path}: the field of that name if there is one, else the nested value; null when there is none. */
    public static Object at(Map<String, ?> payload, String path) {
        Object value = payload.get(path);
        if (value != null || !path.contains(".")) {
            return value;
        }
        Object node = payload;
        for (String step : path.split("\\.")) {
            node = step(node, step);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static Object step(Object node, String step) {
        if (node instanceof Map<?, ?> object) {
            return object.get(step);
        }
        if (node instanceof List<?> list && step.matches("\\d{1,9}")) {
            int index = Integer.parseInt(step);
            return index < list.size() ? list.get(index) : null;
        }
        return null;
    }
}
