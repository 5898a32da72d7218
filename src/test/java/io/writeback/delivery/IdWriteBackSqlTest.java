package io.writeback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.WritebackIntegrationTest;
import org.junit.jupiter.api.Test;

/** The accounts example writes each new account's sandbox id back to the warehouse with a bound statement. */
class IdWriteBackSqlTest extends WritebackIntegrationTest {

    private static final String MISMATCHED = """
            SELECT count(*) FROM link_tables.accounts l
            LEFT JOIN warehouse.account_ids a ON a.company_id::text = l.source_id
            WHERE a.account_id IS DISTINCT FROM l.target_id""";

    @Test
    void theTargetIdOfEveryNewRecordIsWrittenBackToTheWarehouse() {
        JsonNode run = runAndWait("accounts");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(60);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM warehouse.account_ids", Long.class)).isEqualTo(60);
        assertThat(jdbc.queryForObject(MISMATCHED, Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM link_tables.accounts WHERE write_back_error IS NOT NULL",
                Long.class)).isZero();
    }

    @Test
    void aFailedWriteBackKeepsTheInsertIsRecordedAndIsTriedAgainByTheNextRun() {
        jdbc.execute("ALTER TABLE warehouse.account_ids RENAME TO account_ids_away");

        JsonNode run = runAndWait("accounts");

        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(60);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM link_tables.accounts WHERE status = 'success'", Long.class))
                .isEqualTo(60);
        assertThat(jdbc.queryForObject("SELECT write_back_error FROM link_tables.accounts WHERE source_id = '1'", String.class))
                .startsWith("the write-back statement failed: ERROR: relation \"warehouse.account_ids\" does not exist");
        JsonNode explained = http.getForObject("/api/syncs/accounts/records/1", JsonNode.class);
        assertThat(explained.at("/link/writeBackError").asText()).startsWith("the write-back statement failed");

        jdbc.execute("ALTER TABLE warehouse.account_ids_away RENAME TO account_ids");
        JsonNode again = runAndWait("accounts");

        assertThat(again.at("/counts/httpCalls").asLong()).isZero();
        assertThat(jdbc.queryForObject(MISMATCHED, Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM link_tables.accounts WHERE write_back_error IS NOT NULL",
                Long.class)).isZero();
    }
}
