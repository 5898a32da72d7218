package io.writeback.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.postgresql.util.PGobject;

/** Converts JDBC values into values that serialise to plain JSON. */
public final class JsonValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonValues() {
    }

    public static Object of(Object value) throws SQLException {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Float) {
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigInteger() : decimal;
        }
        if (value instanceof Short s) {
            return s.intValue();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC).toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Time time) {
            return time.toLocalTime().toString();
        }
        if (value instanceof java.time.temporal.TemporalAccessor temporal) {
            return temporal.toString();
        }
        if (value instanceof Array array) {
            Object[] elements = (Object[]) array.getArray();
            Object[] converted = new Object[elements.length];
            for (int i = 0; i < elements.length; i++) {
                converted[i] = of(elements[i]);
            }
            return Arrays.asList(converted);
        }
        if (value instanceof PGobject object && object.getType() != null && object.getType().startsWith("json")) {
            return parseJson(object.getValue());
        }
        return value.toString();
    }

    /** json and jsonb columns arrive as nested JSON (maps, lists and plain values), not as strings. */
    private static Object parseJson(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable json value: " + e.getOriginalMessage(), e);
        }
    }
}
