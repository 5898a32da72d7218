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
    void jsonbColumnsArriveAsMapsListsAndPlainValues() throws Exception {
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

    @Test
    void bytesDecimalsAndTimestampsBecomeTheSameJsonEveryTime() throws Exception {
        assertThat(JsonValues.of(new byte[] {1, 2, (byte) 255})).isEqualTo("AQL/");
        assertThat(JsonValues.of(new java.math.BigDecimal("12.50"))).isEqualTo(new java.math.BigDecimal("12.50"));
        assertThat(JsonValues.of(new java.math.BigDecimal("1E+3"))).isEqualTo(java.math.BigInteger.valueOf(1000));
        assertThat(JsonValues.of(java.sql.Timestamp.from(java.time.Instant.parse("2026-01-01T10:00:00.000001Z"))))
                .isEqualTo("2026-01-01T10:00:00.000001Z");
    }

    @Test
    void valuesJsonCannotCarryAreRefusedSayingWhy() {
        assertThatThrownBy(() -> JsonValues.of(Double.NaN)).isInstanceOf(JsonValues.UnsendableValueException.class)
                .hasMessage("holds NaN, which JSON cannot carry");
        assertThatThrownBy(() -> JsonValues.of(Float.NEGATIVE_INFINITY)).hasMessage("holds -Infinity, which JSON cannot carry");
        assertThatThrownBy(() -> JsonValues.of(new java.sql.Timestamp(org.postgresql.PGStatement.DATE_POSITIVE_INFINITY)))
                .hasMessage("holds infinity, which no destination takes as a date");
        assertThatThrownBy(() -> JsonValues.of(new java.sql.Date(org.postgresql.PGStatement.DATE_NEGATIVE_INFINITY)))
                .hasMessage("holds -infinity, which no destination takes as a date");
    }

    private static PGobject json(String type, String value) throws SQLException {
        PGobject object = new PGobject();
        object.setType(type);
        object.setValue(value);
        return object;
    }
}
