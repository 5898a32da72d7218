package io.writeback.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.connection.Placeholders;
import java.util.Map;

/** A value written as JSON text for a request body, or a body template filled in. */
final class JsonText {

    private JsonText() {
    }

    static String of(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code text} escaped to sit inside a JSON string. */
    static String escaped(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    /**
     * {@code template} with each {@code {name}} replaced by its value escaped for a JSON string, so that
     * {@code {"crm_id": "{target_id}"}} stays JSON whatever the value holds; null when a value is missing.
     */
    static String fill(String template, Map<String, Object> values) {
        return Placeholders.fill(template, values, JsonText::escaped);
    }
}
