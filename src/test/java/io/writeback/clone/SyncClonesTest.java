package io.writeback.clone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import io.writeback.sync.SyncCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Clones of the demo syncs, delivering to the sandbox under objects of their own. */
class SyncClonesTest extends WritebackIntegrationTest {

    private static final String CLONE = "companies_clone_1";

    @Autowired
    SyncClones clones;

    @Autowired
    SyncCatalog catalog;

    @Autowired
    CamelContext camel;

    @AfterEach
    void deleteClones() {
        clones.all().forEach(clone -> clones.delete(clone.name()));
    }

    private ResponseEntity<JsonNode> cloneCompanies(Map<String, Object> request) {
        return TestUsers.OPERATOR.on(anonymous).postForEntity("/api/syncs/companies/clone", request, JsonNode.class);
    }

    private int sandboxRecords(String object) {
        return jdbc.queryForObject("SELECT count(*) FROM sandbox.records WHERE object = ?", Integer.class, object);
    }

    private int links(String sync) {
        return jdbc.queryForObject("SELECT count(*) FROM writeback.links WHERE sync = ?", Integer.class, sync);
    }

    @Test
    void aCloneDeliversToTheSandboxWithLinksOfItsOwnAndTheOriginalUntouched() {
        ResponseEntity<JsonNode> made = cloneCompanies(Map.of("changes", Map.of("map", Map.of("constants", "source=clone"))));

        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(made.getBody().get("name").asText()).isEqualTo(CLONE);
        assertThat(made.getBody().get("connection").asText()).isEqualTo("sandbox");
        assertThat(made.getBody().get("object").asText()).isEqualTo(CLONE + ".companies");
        assertThat(made.getBody().get("createdBy").asText()).isEqualTo("operator");
        assertThat(made.getBody().get("file").asText()).contains("uri: direct:clone-" + CLONE, "constants: source=clone");

        JsonNode run = runAndWait(CLONE);

        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.at("/counts/inserted").asInt()).isEqualTo(60);
        assertThat(sandboxRecords(CLONE + ".companies")).isEqualTo(60);
        assertThat(jdbc.queryForList("SELECT DISTINCT data->>'source' FROM sandbox.records WHERE object = ?", String.class,
                CLONE + ".companies")).containsExactly("clone");
        assertThat(links(CLONE)).isEqualTo(60);
        assertThat(links("companies")).isZero();
        assertThat(sandboxRecords("companies")).isZero();
        assertThat(http.getForObject("/api/syncs", JsonNode.class).findValuesAsText("name")).doesNotContain(CLONE);
    }

    @Test
    void theComparisonTellsWhichFieldsWouldChangeForHowManyRecords() {
        cloneCompanies(Map.of("changes", Map.of("map", Map.of("constants", "source=clone"),
                "source", Map.of("query", "SELECT id, name, lower(domain) AS domain, industry, country_code, employees, "
                        + "_sdc_batched_at\nFROM warehouse.companies\nWHERE id <= 20"))));
        jdbc.update("UPDATE warehouse.companies SET domain = upper(domain) WHERE id <= 5");
        runAndWait("companies");
        runAndWait(CLONE);

        JsonNode comparison = TestUsers.OPERATOR.on(anonymous).getForObject("/api/clones/{name}/comparison", JsonNode.class, CLONE);

        assertThat(comparison.get("original").asText()).isEqualTo("companies");
        assertThat(comparison.get("compared").asInt()).isEqualTo(20);
        assertThat(comparison.get("differing").asInt()).isEqualTo(20);
        assertThat(comparison.at("/differingByField/source").asInt()).isEqualTo(20);
        assertThat(comparison.at("/differingByField/domain").asInt()).isEqualTo(5);
        assertThat(comparison.get("differingByField").size()).isEqualTo(2);
        JsonNode first = comparison.get("records").get(0);
        assertThat(first.get("sourceId").asText()).isEqualTo("1");
        assertThat(first.at("/fields/source/original").asText()).isEqualTo("warehouse");
        assertThat(first.at("/fields/source/cloned").asText()).isEqualTo("clone");
        String domain = jdbc.queryForObject("SELECT domain FROM warehouse.companies WHERE id = 1", String.class);
        assertThat(first.at("/fields/domain/original").asText()).isEqualTo(domain);
        assertThat(first.at("/fields/domain/cloned").asText()).isEqualTo(domain.toLowerCase());
        assertThat(comparison.get("onlyInClone")).isEmpty();
    }

    @Test
    void anExpiredCloneGoesWithItsLinksRunsAndSandboxRecords() {
        cloneCompanies(Map.of("expiresIn", "2h"));
        runAndWait(CLONE);
        JsonNode listed = TestUsers.VIEWER.on(anonymous).getForObject("/api/clones", JsonNode.class);
        Instant expiresAt = Instant.parse(listed.get(0).get("expiresAt").asText());
        Instant createdAt = Instant.parse(listed.get(0).get("createdAt").asText());

        assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(Duration.ofHours(2));
        assertThat(clones.expire(expiresAt.minusSeconds(1))).isZero();
        assertThat(clones.expire(expiresAt)).isEqualTo(1);
        assertThat(http.getForEntity("/api/clones/{name}", JsonNode.class, CLONE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(links(CLONE)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.runs WHERE sync = ?", Integer.class, CLONE)).isZero();
        assertThat(sandboxRecords(CLONE + ".companies")).isZero();
        assertThat(camel.getRoute(CLONE)).isNull();
        assertThat(http.postForEntity("/api/syncs/{name}/runs", null, JsonNode.class, CLONE).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aKeptCloneIsLoadedAgainAsAfterARestart() throws Exception {
        cloneCompanies(Map.of());
        ModelCamelContext model = (ModelCamelContext) camel;
        model.removeRouteDefinition(model.getRouteDefinition(CLONE));
        catalog.removeClone(CLONE);
        assertThat(http.getForObject("/api/clones/{name}", JsonNode.class, CLONE).get("loaded").asBoolean()).isFalse();

        clones.restore();

        assertThat(http.getForObject("/api/clones/{name}", JsonNode.class, CLONE).get("loaded").asBoolean()).isTrue();
        assertThat(runAndWait(CLONE).at("/counts/inserted").asInt()).isEqualTo(60);
    }

    @Test
    void aDeletedCloneGoesAndOnlyOperatorsMakeCompareOrDeleteClones() {
        assertThat(TestUsers.VIEWER.on(anonymous).postForEntity("/api/syncs/companies/clone", Map.of(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.getForEntity("/api/clones", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        cloneCompanies(Map.of());
        assertThat(TestUsers.VIEWER.on(anonymous).getForEntity("/api/clones/{name}/comparison", JsonNode.class, CLONE)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(TestUsers.VIEWER.on(anonymous).exchange("/api/clones/{name}", HttpMethod.DELETE, HttpEntity.EMPTY,
                JsonNode.class, CLONE).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(TestUsers.OPERATOR.on(anonymous).getForEntity("/api/clones/{name}/comparison", JsonNode.class, CLONE)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> deleted = TestUsers.OPERATOR.on(anonymous).exchange("/api/clones/{name}", HttpMethod.DELETE,
                HttpEntity.EMPTY, JsonNode.class, CLONE);

        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(clones.all()).isEmpty();
        assertThat(catalog.find(CLONE)).isEmpty();
    }

    @Test
    void aCloneThatCannotWorkIsRefusedNamingWhy() {
        assertThat(cloneCompanies(Map.of("changes", Map.of("deliver", Map.of("object", "x")))).getBody().get("detail").asText())
                .contains("'changes' may name the stages map, plan, source, transform, not 'deliver'");
        assertThat(cloneCompanies(Map.of("changes", Map.of("source", Map.of("beforeSql", "DELETE FROM x")))).getBody()
                .get("detail").asText()).contains("a clone leaves 'beforeSql' out of writeback:source");
        assertThat(cloneCompanies(Map.of("connection", "nowhere")).getBody().get("detail").asText()).contains("nowhere");
        assertThat(cloneCompanies(Map.of("expiresIn", "forever")).getBody().get("detail").asText())
                .contains("'expiresIn' is a duration such as 24h or 7d, not 'forever'");
        ResponseEntity<JsonNode> unknownField = cloneCompanies(Map.of("changes", Map.of("map", Map.of("feilds", "name"))));
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownField.getBody().get("problems").get(0).asText()).contains(CLONE, "feilds");
        assertThat(cloneCompanies(Map.of("name", "Bad-Name")).getBody().get("detail").asText()).contains("not 'Bad-Name'");
        assertThat(clones.all()).isEmpty();
        assertThat(camel.getRoute(CLONE)).isNull();
    }
}
