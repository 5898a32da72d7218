package io.writeback.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinkStatusTest {

    @Test
    void statusNamesInSqlBecomeTheirStoredValues() {
        assertThat(LinkStatus.inSql("status IN ({ERROR}, {SKIPPED_SAME_HASH}) AND note = '{x}'"))
                .isEqualTo("status IN ('error', 'skipped-same-hash') AND note = '{x}'");
    }

    @Test
    void aNameThatIsNoStatusStopsTheStatementBeingMade() {
        assertThatThrownBy(() -> LinkStatus.inSql("status = {DONE}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DONE");
    }

    @Test
    void storedValuesReadBack() {
        for (LinkStatus status : LinkStatus.values()) {
            assertThat(LinkStatus.fromDb(status.dbValue())).isEqualTo(status);
        }
    }
}
