package io.writeback.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** QA checks of the demo companies against the sandbox: records deleted or changed there, rows never synced. */
class QaChecksTest extends WritebackIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private TestRestTemplate operator() {
        return TestUsers.OPERATOR.on(anonymous);
    }

    private JsonNode checked(Map<String, Object> request) {
        ResponseEntity<JsonNode> started = operator().postForEntity("/api/syncs/companies/qa", request, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String report = started.getBody().get("report").asText();
        return await().atMost(Duration.ofSeconds(60)).until(() -> operator().getForObject(report, JsonNode.class),
                check -> !check.get("status").asText().equals("running"));
    }

    private String targetOf(String sourceId) {
        return jdbc.queryForObject("SELECT target_id FROM writeback.links WHERE sync = 'companies' AND source_id = ?",
                String.class, sourceId);
    }

    private double sandboxCalls(String method) {
        var calls = meters.find("writeback.http.calls").tag("connection", "sandbox").tag("method", method).counter();
        return calls == null ? 0 : calls.count();
    }

    @Test
    void aCheckFindsARecordDeletedInTheTargetAFieldChangedThereAndARowNeverSynced() {
        runAndWait("companies");
        jdbc.update("DELETE FROM sandbox.records WHERE id = ?::bigint", targetOf("3"));
        jdbc.update("UPDATE sandbox.records SET data = jsonb_set(data, '{name}', '\"Renamed by hand\"') WHERE id = ?::bigint",
                targetOf("5"));
        jdbc.update("INSERT INTO warehouse.companies (id, name, domain) VALUES (1000, 'Newco', 'newco.example')");
        String name = jdbc.queryForObject("SELECT name FROM warehouse.companies WHERE id = 5", String.class);
        double bulkReads = sandboxCalls("POST");

        JsonNode check = checked(Map.of());

        assertThat(check.get("status").asText()).isEqualTo("done");
        assertThat(check.get("requestedBy").asText()).isEqualTo("operator");
        JsonNode results = check.get("results");
        assertThat(results.at("/counts/rowsChecked").asInt()).isEqualTo(61);
        assertThat(results.at("/counts/withoutTarget").asInt()).isEqualTo(1);
        assertThat(results.at("/counts/targetGone").asInt()).isEqualTo(1);
        assertThat(results.at("/counts/differing").asInt()).isEqualTo(1);
        assertThat(results.at("/counts/same").asInt()).isEqualTo(58);
        assertThat(results.get("withoutTarget").get(0).get("sourceId").asText()).isEqualTo("1000");
        assertThat(results.get("withoutTarget").get(0).get("linkStatus").isNull()).isTrue();
        assertThat(results.get("targetGone").get(0).get("sourceId").asText()).isEqualTo("3");
        assertThat(results.get("targetGone").get(0).get("targetId").asText()).isEqualTo(targetOf("3"));
        JsonNode differing = results.get("differing").get(0);
        assertThat(differing.get("sourceId").asText()).isEqualTo("5");
        assertThat(differing.get("fields").size()).isEqualTo(1);
        assertThat(differing.at("/fields/name/sent").asText()).isEqualTo(name);
        assertThat(differing.at("/fields/name/target").asText()).isEqualTo("Renamed by hand");
        assertThat(results.get("differingByField")).hasSize(1);
        assertThat(results.at("/differingByField/name").asInt()).isEqualTo(1);
        assertThat(sandboxCalls("POST") - bulkReads).as("the 60 linked records read in one bulk read").isEqualTo(1);
        assertThat(operator().getForObject("/api/syncs/companies/qa", JsonNode.class).get(0).get("id").asLong())
                .isEqualTo(check.get("id").asLong());
    }

    @Test
    void aSampleChecksTheFirstRowsAndIgnoredFieldsAreNotCompared() {
        runAndWait("companies");
        jdbc.update("UPDATE sandbox.records SET data = jsonb_set(data, '{industry}', '\"Other\"') WHERE object = 'companies'");

        JsonNode sampled = checked(Map.of("sample", 10));
        JsonNode ignoring = checked(Map.of("sample", 10, "ignore", List.of("industry")));

        assertThat(sampled.get("sample").asInt()).isEqualTo(10);
        assertThat(sampled.at("/results/counts/rowsChecked").asInt()).isEqualTo(10);
        assertThat(sampled.at("/results/differingByField/industry").asInt()).isEqualTo(10);
        assertThat(ignoring.at("/results/counts/same").asInt()).isEqualTo(10);
    }

    @Test
    void onlyOperatorsCheckAndReadChecksAndBadRequestsAreNamed() {
        runAndWait("companies");
        long id = checked(Map.of("sample", 1)).get("id").asLong();

        assertThat(TestUsers.VIEWER.on(anonymous).postForEntity("/api/syncs/companies/qa", Map.of(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(TestUsers.VIEWER.on(anonymous).getForEntity("/api/qa/{id}", JsonNode.class, id).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.getForEntity("/api/qa/{id}", JsonNode.class, id).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(operator().postForEntity("/api/syncs/nope/qa", Map.of(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> badSample = operator().postForEntity("/api/syncs/companies/qa", Map.of("sample", 0), JsonNode.class);
        assertThat(badSample.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badSample.getBody().get("detail").asText()).contains("'sample' is a number of rows of at least 1");
    }
}
