package io.writeback.qa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The QA checks as SQL views, the demo's sandbox standing for a target whose records an ELT connector has loaded
 * into the warehouse as the table {@code loaded.companies}.
 */
class QaViewsTest extends WritebackIntegrationTest {

    @BeforeEach
    void loadTheTargetIntoTheWarehouse() {
        runAndWait("companies");
        jdbc.execute("""
                DROP SCHEMA IF EXISTS loaded CASCADE;
                CREATE SCHEMA loaded;
                CREATE TABLE loaded.companies AS SELECT id, data ->> 'name' AS name, data ->> 'domain' AS domain,
                    data ->> 'industry' AS industry, data ->> 'country' AS country, (data ->> 'employees')::int AS employees
                FROM sandbox.records WHERE object = 'companies'""");
    }

    private String targetOf(String sourceId) {
        return jdbc.queryForObject("SELECT target_id FROM writeback.links WHERE sync = 'companies' AND source_id = ?",
                String.class, sourceId);
    }

    private ResponseEntity<JsonNode> views(Map<String, Object> request) {
        return http.postForEntity("/api/syncs/companies/qa/views", request, JsonNode.class);
    }

    @Test
    void theViewsShowARowNeverSyncedATargetRowGoneAndTheFieldsThatDiffer() {
        jdbc.update("DELETE FROM loaded.companies WHERE id = ?::bigint", targetOf("3"));
        jdbc.update("UPDATE loaded.companies SET name = 'Renamed by hand', employees = -1 WHERE id = ?::bigint", targetOf("5"));
        jdbc.update("INSERT INTO warehouse.companies (id, name, domain) VALUES (1000, 'Newco', 'newco.example')");

        ResponseEntity<JsonNode> made = views(Map.of("targetTable", "loaded.companies"));

        assertThat(made.getStatusCode()).as(String.valueOf(made.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(made.getBody().get("views").toString()).isEqualTo(
                "[\"qa.companies_without_target\",\"qa.companies_target_gone\",\"qa.companies_differing\"]");
        assertThat(made.getBody().get("compared").toString()).isEqualTo(
                "{\"name\":\"name\",\"domain\":\"domain\",\"industry\":\"industry\",\"employees\":\"employees\"}");
        assertThat(jdbc.queryForList("SELECT source_id FROM qa.companies_without_target", String.class)).containsExactly("1000");
        assertThat(jdbc.queryForObject("SELECT link_status FROM qa.companies_without_target", String.class)).isNull();
        assertThat(jdbc.queryForList("SELECT source_id, target_id FROM qa.companies_target_gone"))
                .containsExactly(Map.of("source_id", "3", "target_id", targetOf("3")));
        assertThat(jdbc.queryForList("SELECT source_id, field, target_value FROM qa.companies_differing ORDER BY field"))
                .containsExactly(Map.of("source_id", "5", "field", "employees", "target_value", "-1"),
                        Map.of("source_id", "5", "field", "name", "target_value", "Renamed by hand"));
    }

    @Test
    void fieldsOfOtherNamesAreComparedWhenNamedAndOnlyAdminsMakeViews() {
        jdbc.update("UPDATE loaded.companies SET country = 'XX' WHERE id = ?::bigint", targetOf("7"));

        views(Map.of("targetTable", "loaded.companies", "fields", Map.of("country", "country_code")));

        assertThat(jdbc.queryForList("SELECT source_id, field FROM qa.companies_differing"))
                .containsExactly(Map.of("source_id", "7", "field", "country"));
        assertThat(views(Map.of("targetTable", "loaded.companies", "fields", Map.of("country", "land"))).getBody()
                .get("detail").asText()).isEqualTo("'fields': the query has no column 'land'");
        assertThat(views(Map.of("targetTable", "loaded.nothing")).getBody().get("detail").asText())
                .isEqualTo("'targetTable': the warehouse has no table loaded.nothing");
        assertThat(views(Map.of("targetTable", "companies; DROP TABLE x")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(TestUsers.OPERATOR.on(anonymous).postForEntity("/api/syncs/companies/qa/views",
                Map.of("targetTable", "loaded.companies"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
