package io.writeback.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void marksTheLinesRemovedAndAddedAndKeepsTheRest() {
        assertThat(LineDiff.of("id: contacts\nquery: SELECT 1\nkey: id", "id: contacts\nquery: SELECT 2\nkey: id\nmode: mirror"))
                .containsExactly("  id: contacts", "- query: SELECT 1", "+ query: SELECT 2", "  key: id", "+ mode: mirror");
        assertThat(LineDiff.of("a\nb", "a\nb")).containsExactly("  a", "  b");
    }
}
