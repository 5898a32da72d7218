package io.writeback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TargetIdsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stringsAndWholeIntegersAreIdsAndNothingElseIs() throws Exception {
        assertThat(TargetIds.of(JSON.readTree("\"abc-1\""))).isEqualTo("abc-1");
        assertThat(TargetIds.of(JSON.readTree("12345678901234567890123"))).isEqualTo("12345678901234567890123");
        assertThat(TargetIds.of(JSON.readTree("1e400"))).as("an id too large for a double became Infinity").isNull();
        assertThat(TargetIds.of(JSON.readTree("1.5"))).isNull();
        assertThat(TargetIds.of(JSON.readTree("true"))).isNull();
        assertThat(TargetIds.of(JSON.readTree("null"))).isNull();
        assertThat(TargetIds.of(JSON.readTree("\"\""))).isNull();
        assertThat(TargetIds.of(JSON.readTree("{\"id\": 1}"))).isNull();
        assertThat(TargetIds.of(JSON.readTree("{}").at("/id"))).isNull();
    }
}
