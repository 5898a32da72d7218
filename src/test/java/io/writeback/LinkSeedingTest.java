package io.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.WritebackIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A target that already holds some of the records: seeding the link table so that none is created twice. */
class LinkSeedingTest extends WritebackIntegrationTest {

    private static final String MATCH_ON_DOMAIN = """
            SELECT c.id AS source_id, r.id AS target_id
            FROM warehouse.companies c JOIN sandbox.records r ON r.object = 'companies' AND r.data->>'domain' = c.domain""";

    @Test
    void seededLinksAreUpdatedNotCreatedAgain() {
        // Ten companies were entered in the target by hand, before Writeback.
        jdbc.update("""
                INSERT INTO sandbox.records (object, data)
                SELECT 'companies', jsonb_build_object('name', upper(name), 'domain', domain)
                FROM warehouse.companies WHERE id <= 10""");

        ResponseEntity<JsonNode> seeded = http.postForEntity("/api/syncs/companies/links/seed",
                Map.of("query", MATCH_ON_DOMAIN), JsonNode.class);
        JsonNode run = runAndWait("companies");

        assertThat(seeded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(seeded.getBody().get("linked").asLong()).isEqualTo(10);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(50);
        assertThat(run.at("/counts/updated").asLong()).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox.records WHERE object = 'companies'", Long.class))
                .isEqualTo(60);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM sandbox.records r JOIN warehouse.companies c ON r.data->>'domain' = c.domain
                WHERE r.data->>'name' = c.name""", Long.class)).isEqualTo(60);
    }

    @Test
    void seedingLeavesExistingLinksAloneAndCountsIncompleteRows() {
        runAndWait("companies");

        JsonNode again = http.postForObject("/api/syncs/companies/links/seed", Map.of("query", """
                SELECT c.id AS source_id, CASE WHEN c.id > 5 THEN 'other' END AS target_id
                FROM warehouse.companies c WHERE c.id <= 10"""), JsonNode.class);

        assertThat(again.get("linked").asLong()).isZero();
        assertThat(again.get("alreadyLinked").asLong()).isEqualTo(5);
        assertThat(again.get("incomplete").asLong()).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM link_tables.companies WHERE target_id = 'other'", Long.class))
                .isZero();
    }

    @Test
    void aSeedQueryWithoutThePairOrThatWritesIsRefusedWithWhy() {
        ResponseEntity<JsonNode> noTarget = http.postForEntity("/api/syncs/companies/links/seed",
                Map.of("query", "SELECT id AS source_id, domain FROM warehouse.companies"), JsonNode.class);
        ResponseEntity<JsonNode> writes = http.postForEntity("/api/syncs/companies/links/seed",
                Map.of("query", "DELETE FROM warehouse.companies RETURNING id AS source_id, id AS target_id"), JsonNode.class);
        ResponseEntity<JsonNode> unknown = http.postForEntity("/api/syncs/nope/links/seed",
                Map.of("query", MATCH_ON_DOMAIN), JsonNode.class);

        assertThat(noTarget.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noTarget.getBody().get("detail").asText()).isEqualTo("sync companies: the seed query returns no column "
                + "'target_id' (it returns: source_id, domain); alias its columns AS source_id, target_id");
        assertThat(writes.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(writes.getBody().get("detail").asText()).startsWith("sync companies: the seed query failed: ")
                .contains("read-only");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM warehouse.companies", Long.class)).isEqualTo(60);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
