package io.writeback.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.WritebackIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A chunk's outcomes are written while the run goes on; when they cannot be written, the run fails,
 * its bookmark stays, and the next run finds the inserts that were sent and creates none twice.
 */
class ChunkSettlingTest extends WritebackIntegrationTest {

    @AfterEach
    void dropTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_company_30 ON writeback.links");
    }

    @Test
    void outcomesThatCannotBeWrittenFailTheRunAndTheNextRunRecoversWithoutDuplicates() {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION writeback.refuse_link() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'link writes refused for the test'; END $$""");
        jdbc.execute("""
                CREATE TRIGGER refuse_company_30 BEFORE INSERT OR UPDATE ON writeback.links FOR EACH ROW
                WHEN (NEW.sync = 'companies' AND NEW.source_id = '30') EXECUTE FUNCTION writeback.refuse_link()""");

        JsonNode failed = runAndWait("companies");

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").asText()).contains("link writes refused for the test");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.bookmarks WHERE sync = 'companies'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox.records WHERE object = 'companies'", Long.class)).isEqualTo(60);

        dropTrigger();
        JsonNode recovered = runAndWait("companies");

        assertThat(recovered.get("status").asText()).isEqualTo("succeeded");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM sandbox.records WHERE object = 'companies'""", Long.class)).isEqualTo(60);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM link_tables.companies l JOIN sandbox.records r ON r.id::text = l.target_id
                WHERE l.status = 'success' AND r.data->>'warehouse_id' = l.source_id""", Long.class)).isEqualTo(60);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.intents", Long.class)).isZero();
    }
}
