package io.writeback.qa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FieldValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode value(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void numbersCompareByValueAndEmptinessIsOneValue() throws Exception {
        assertThat(FieldValues.same(value("5"), value("5.0"))).isTrue();
        assertThat(FieldValues.same(value("5"), value("6"))).isFalse();
        assertThat(FieldValues.same(value("null"), null)).isTrue();
        assertThat(FieldValues.same(value("\"\""), value("null"))).isTrue();
        assertThat(FieldValues.same(value("null"), value("\"x\""))).isFalse();
        assertThat(FieldValues.same(value("\"x\""), null)).isFalse();
    }

    @Test
    void textAndNestedValuesCompareExactly() throws Exception {
        assertThat(FieldValues.same(value("\"5\""), value("5"))).isFalse();
        assertThat(FieldValues.same(value("\"Acme\""), value("\"acme\""))).isFalse();
        assertThat(FieldValues.same(value("{\"city\": \"Ghent\", \"zip\": \"9000\"}"), value("{\"zip\": \"9000\", \"city\": \"Ghent\"}")))
                .isTrue();
        assertThat(FieldValues.same(value("[1, 2]"), value("[2, 1]"))).isFalse();
    }
}
