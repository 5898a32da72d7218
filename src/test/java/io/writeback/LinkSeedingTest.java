package io.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
    void aSeedQueryWithoutThePairIsRefusedWithWhy() {
        ResponseEntity<JsonNode> noTarget = seed(http, "SELECT id AS source_id, domain FROM warehouse.companies");
        ResponseEntity<JsonNode> unknown = http.postForEntity("/api/syncs/nope/links/seed",
                Map.of("query", MATCH_ON_DOMAIN), JsonNode.class);

        assertThat(noTarget.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noTarget.getBody().get("detail").asText())
                .startsWith("sync companies: the seed query failed: ERROR: column \"target_id\" does not exist")
                .endsWith("; alias its columns AS source_id, target_id");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aSeedQueryCanNeitherWriteNorRunASecondStatementNorReachTheServer() {
        ResponseEntity<JsonNode> delete = seed(http, "DELETE FROM warehouse.companies RETURNING id AS source_id, id AS target_id");
        ResponseEntity<JsonNode> second = seed(http, "SELECT 1 AS source_id, 2 AS target_id; COMMIT; DROP TABLE warehouse.companies");
        ResponseEntity<JsonNode> escape = seed(http, "SELECT 1 AS source_id, 2 AS target_id) s; DROP TABLE warehouse.companies; "
                + "SELECT * FROM (SELECT 1");
        ResponseEntity<JsonNode> program = seed(http, "COPY (SELECT 1) TO PROGRAM 'touch target/seeded-by-copy'");
        ResponseEntity<JsonNode> file = seed(http, "SELECT 1 AS source_id, CAST(pg_read_file('/etc/passwd') AS int) AS target_id");
        ResponseEntity<JsonNode> writesInFunction = seed(http,
                "SELECT id AS source_id, id AS target_id FROM warehouse.companies WHERE nextval('writeback.runs_id_seq') > 0");

        for (ResponseEntity<JsonNode> refused : List.of(delete, second, escape, program, file, writesInFunction)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("detail").asText()).startsWith("sync companies: the seed query").doesNotContain("root:");
        }
        assertThat(second.getBody().get("detail").asText()).contains("more than one statement");
        assertThat(escape.getBody().get("detail").asText()).contains("closes a parenthesis it did not open");
        assertThat(file.getBody().get("detail").asText()).contains("permission denied for function pg_read_file");
        assertThat(writesInFunction.getBody().get("detail").asText()).contains("read-only transaction");
        assertThat(new java.io.File("target/seeded-by-copy")).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM warehouse.companies", Long.class)).isEqualTo(60);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.links", Long.class)).isZero();
    }

    @Test
    void aFailedSeedAnswersWithoutTheRowsData() {
        assertRefusedWith("SELECT id AS source_id, CAST(name AS int) AS target_id FROM warehouse.companies",
                "sync companies: the seed query failed: SQLSTATE 22P02 (the database's message is withheld: it may quote the rows' data)");
    }

    @Test
    void aSeedQueryThatRunsTooLongIsCancelled() {
        assertRefusedWith("SELECT 1 AS source_id, pg_sleep(30)::text AS target_id",
                "sync companies: the seed query failed: it ran longer than writeback.seeding.timeout (2 s) and was cancelled");
    }

    @Test
    void oneSeedingRunsAtATime() throws Exception {
        String slow = "SELECT 1 AS source_id, pg_sleep(30)::text AS target_id";
        CompletableFuture<ResponseEntity<JsonNode>> first = CompletableFuture.supplyAsync(() -> seed(http, slow));
        awaitRunningQuery("pg_sleep(30)");

        ResponseEntity<JsonNode> second = seed(http, MATCH_ON_DOMAIN);

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("detail").asText()).contains("seeding");
        assertThat(first.get(30, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(seed(http, MATCH_ON_DOMAIN).getStatusCode()).as("free again once the first has ended").isEqualTo(HttpStatus.OK);
    }

    private void awaitRunningQuery(String fragment) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE ?",
                Long.class, "%" + fragment + "%") > 0);
    }

    private void assertRefusedWith(String query, String detail) {
        ResponseEntity<JsonNode> refused = seed(http, query);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void onlyAnAdminSeeds() {
        assertThat(seed(TestUsers.OPERATOR.on(anonymous), MATCH_ON_DOMAIN).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(seed(TestUsers.VIEWER.on(anonymous), MATCH_ON_DOMAIN).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(seed(anonymous, MATCH_ON_DOMAIN).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(seed(http, MATCH_ON_DOMAIN).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static ResponseEntity<JsonNode> seed(TestRestTemplate as, String query) {
        return as.postForEntity("/api/syncs/companies/links/seed", Map.of("query", query), JsonNode.class);
    }
}
