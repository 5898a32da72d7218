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
import java.util.Base64;
import org.postgresql.PGStatement;
import org.postgresql.util.PGobject;

/**
 * Converts JDBC values into values that serialise to plain JSON, the same way every run: bytes as base64,
 * decimals exactly, timestamps in ISO 8601 with their offset. A value JSON cannot carry (NaN, an infinite
 * number or date) is refused, for the row to be reported invalid rather than sent wrong.
 */
public final class JsonValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonValues() {
    }

    /** A value no destination could take as it is: the row holding it is invalid. */
    public static final class UnsendableValueException extends Exception {

        UnsendableValueException(String message) {
            super(message);
        }
    }

    public static Object of(Object value) throws SQLException, UnsendableValueException {
        if (value instanceof Double number && !Double.isFinite(number) || value instanceof Float single && !Float.isFinite(single)) {
            throw new UnsendableValueException("holds " + value + ", which JSON cannot carry");
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Float) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigInteger() : decimal;
        }
        if (value instanceof Short s) {
            return s.intValue();
        }
        if (value instanceof java.util.Date date && isInfinity(date)) {
            throw new UnsendableValueException("holds " + (date.getTime() > 0 ? "" : "-")
                    + "infinity, which no destination takes as a date");
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

    /** PostgreSQL's infinite dates and timestamps, which the driver hands over as these two instants. */
    private static boolean isInfinity(java.util.Date date) {
        return date.getTime() == PGStatement.DATE_POSITIVE_INFINITY || date.getTime() == PGStatement.DATE_NEGATIVE_INFINITY
                || date.getTime() == PGStatement.DATE_POSITIVE_SMALLER_INFINITY
                || date.getTime() == PGStatement.DATE_NEGATIVE_SMALLER_INFINITY;
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
