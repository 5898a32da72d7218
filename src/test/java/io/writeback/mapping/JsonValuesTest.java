package io.writeback.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;

class JsonValuesTest {

    @Test
    void jsonbColumnsArriveAsMapsListsAndPlainValues() throws SQLException {
        Object lines = JsonValues.of(json("jsonb", "[{\"sku\": \"S-1\", \"quantity\": 4, \"price\": 2.5, \"gift\": false}]"));

        assertThat(lines).isEqualTo(List.of(Map.of("sku", "S-1", "quantity", 4, "price", 2.5, "gift", false)));
        assertThat(JsonValues.of(json("json", "{\"address\": {\"city\": \"Lakeside\"}}")))
                .isEqualTo(Map.of("address", Map.of("city", "Lakeside")));
        assertThat(JsonValues.of(json("jsonb", null))).isNull();
    }

    @Test
    void unreadableJsonIsAnErrorNamingWhy() throws SQLException {
        PGobject broken = json("json", "{\"a\": ");

        assertThatThrownBy(() -> JsonValues.of(broken)).isInstanceOf(SQLException.class)
                .hasMessageStartingWith("unreadable json value: ");
    }

    private static PGobject json(String type, String value) throws SQLException {
        PGobject object = new PGobject();
        object.setType(type);
        object.setValue(value);
        return object;
    }
}
