package io.writeback.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields a bulk endpoint adds to every item, {@code {object}} in their texts filled with the object's name. */
final class ItemFields {

    private ItemFields() {
    }

    static Map<String, Object> filled(Map<String, Object> fields, String object) {
        Map<String, Object> filled = new LinkedHashMap<>();
        fields.forEach((name, value) -> filled.put(name, fill(value, object)));
        return filled;
    }

    private static Object fill(Object value, String object) {
        if (value instanceof String text) {
            return text.replace("{object}", object);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> nested = new LinkedHashMap<>();
            map.forEach((name, inner) -> nested.put(name.toString(), fill(inner, object)));
            return nested;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(inner -> fill(inner, object)).toList();
        }
        return value;
    }
}
