package io.writeback.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import org.junit.jupiter.api.Test;

/** A sync whose query lives in a file of its own (src/test/resources/sql/accounts.sql), not in its URI. */
class QueryFileTest extends CrmDestinationTest {

    @Test
    void theQueryOfAFileIsRunLikeAnInlineOne() {
        accounts();

        JsonNode run = runs.runAndWait("accounts_query_file");

        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT target_id FROM writeback.links WHERE sync = 'accounts_query_file' ORDER BY source_id",
                String.class)).containsExactly("A", "B", "C", "D");
    }
}
