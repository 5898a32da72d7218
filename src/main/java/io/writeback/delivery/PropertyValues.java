package io.writeback.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Payload values for APIs whose fields are all text (HubSpot's properties): a number as its exact plain
 * decimal text (a numeric 1200.50 stays {@code 1200.50}), a boolean as {@code true}/{@code false}, a list as its items joined by {@code ;} (a
 * multiple-choice value), an object as its JSON, and NULL as an empty string, which clears the field.
 */
public final class PropertyValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PropertyValues() {
    }

    public static Map<String, Object> asStrings(Map<String, Object> payload) {
        Map<String, Object> strings = new LinkedHashMap<>();
        payload.forEach((field, value) -> strings.put(field, asString(value)));
        return strings;
    }

    private static String asString(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(PropertyValues::asString).collect(Collectors.joining(";"));
        }
        if (value instanceof Map<?, ?> object) {
            return JsonText.of(JSON, object);
        }
        return value.toString();
    }
}
