package io.writeback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.ScratchPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Target ids written back to a database of their own (writeback.databases.ops), not the warehouse. */
class IdWriteBackDatabaseTest extends CrmDestinationTest {

    private static final EmbeddedPostgres OPS = ScratchPostgres.start("ops");

    private final JdbcTemplate ops = new JdbcTemplate(OPS.getPostgresDatabase());

    @DynamicPropertySource
    static void opsDatabase(DynamicPropertyRegistry registry) {
        registry.add("writeback.databases.ops.url", () -> OPS.getJdbcUrl("postgres", "postgres"));
        registry.add("writeback.databases.ops.username", () -> "postgres");
        // A context of its own, alive beside the other CRM tests': its embedded database needs its own directory.
        registry.add("writeback.embedded-db.data-dir", () -> "target/test-db/crm-ops");
    }

    @BeforeEach
    void setUp() {
        accounts();
        ops.execute("DROP TABLE IF EXISTS crm_ids; CREATE TABLE crm_ids (account_id integer PRIMARY KEY, crm_id text NOT NULL)");
    }

    @Test
    void eachNewRecordsTargetIdLandsInTheNamedDatabase() {
        JsonNode run = runs.runAndWait("accounts_ids_to_ops");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(4);
        assertThat(ops.queryForList("SELECT account_id, crm_id FROM crm_ids ORDER BY account_id")).containsExactly(
                Map.of("account_id", 1, "crm_id", "A"), Map.of("account_id", 2, "crm_id", "B"),
                Map.of("account_id", 3, "crm_id", "C"), Map.of("account_id", 4, "crm_id", "D"));
        assertThat(link("accounts_ids_to_ops", "3")).containsEntry("write_back_error", null);
    }

    @AfterAll
    static void stop() throws IOException {
        OPS.close();
    }
}
