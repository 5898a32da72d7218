package io.writeback.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * Whether a paired sync's source row holds what its pair last wrote into it. The pair's payload names
 * the fields it wrote; each one the row has (a column of that name) must hold the same JSON value.
 */
final class EchoCheck {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private EchoCheck() {
    }

    /** False when no field of {@code echo} is a column of {@code row}: nothing tells the write was read back. */
    static boolean readBack(Map<String, Object> row, String echo) {
        try {
            Map<?, ?> written = JSON.readValue(echo, Map.class);
            boolean compared = false;
            for (Map.Entry<?, ?> field : written.entrySet()) {
                if (row.containsKey(field.getKey())) {
                    if (!JSON.writeValueAsString(field.getValue()).equals(JSON.writeValueAsString(row.get(field.getKey())))) {
                        return false;
                    }
                    compared = true;
                }
            }
            return compared;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the echo payload of a link is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
