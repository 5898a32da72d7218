package io.writeback.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.WritebackIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class SandboxApiTest extends WritebackIntegrationTest {

    @Test
    void createsReadsMergesReplacesAndDeletesRecords() {
        ResponseEntity<JsonNode> created = http.postForEntity("/sandbox/deals", Map.of("name", "Big deal", "amount", 100), JsonNode.class);
        String id = created.getBody().get("id").asText();

        JsonNode merged = http.exchange("/sandbox/deals/{id}", HttpMethod.PATCH, new HttpEntity<>(Map.of("amount", 250)),
                JsonNode.class, id).getBody();
        JsonNode replaced = http.exchange("/sandbox/deals/{id}", HttpMethod.PUT, new HttpEntity<>(Map.of("stage", "won")),
                JsonNode.class, id).getBody();
        ResponseEntity<Void> deleted = http.exchange("/sandbox/deals/{id}", HttpMethod.DELETE, null, Void.class, id);
        ResponseEntity<JsonNode> gone = http.getForEntity("/sandbox/deals/{id}", JsonNode.class, id);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("version").asInt()).isEqualTo(1);
        assertThat(merged.get("fields")).hasToString("{\"name\":\"Big deal\",\"amount\":250}");
        assertThat(merged.get("version").asInt()).isEqualTo(2);
        assertThat(replaced.get("fields")).hasToString("{\"stage\":\"won\"}");
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void batchCreateAnswersIdsInTheOrderOfTheInputs() {
        Map<String, Object> body = Map.of("inputs", List.of(Map.of("n", 1), Map.of("n", 2), Map.of("n", 3)));

        JsonNode results = http.postForEntity("/sandbox/items/batch", body, JsonNode.class).getBody().get("results");
        JsonNode listed = http.getForObject("/sandbox/items?limit=2&offset=1", JsonNode.class);

        assertThat(results).hasSize(3);
        assertThat(results.get(2).at("/fields/n").asInt()).isEqualTo(3);
        assertThat(results.get(0).get("id").asLong()).isLessThan(results.get(2).get("id").asLong());
        assertThat(listed.get("total").asInt()).isEqualTo(3);
        assertThat(listed.get("results")).extracting(r -> r.at("/fields/n").asInt()).containsExactly(2, 3);
    }

    @Test
    void aCreateRepeatedUnderTheSameIdempotencyKeyReturnsTheFirstRecord() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", "k-1");

        ResponseEntity<JsonNode> first = http.postForEntity("/sandbox/items", new HttpEntity<>(Map.of("n", 1), headers), JsonNode.class);
        ResponseEntity<JsonNode> again = http.postForEntity("/sandbox/items", new HttpEntity<>(Map.of("n", 2), headers), JsonNode.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(again.getBody().at("/fields/n").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox.records", Long.class)).isEqualTo(1);
    }

    @Test
    void listsFilterOnFields() {
        http.postForEntity("/sandbox/items", Map.of("email", "a@example.com", "n", 7), JsonNode.class);
        http.postForEntity("/sandbox/items", Map.of("email", "b@example.com", "n", 8), JsonNode.class);

        JsonNode found = http.getForObject("/sandbox/items?email=b@example.com", JsonNode.class);
        JsonNode byNumber = http.getForObject("/sandbox/items?n=7", JsonNode.class);

        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.at("/results/0/fields/n").asInt()).isEqualTo(8);
        assertThat(byNumber.at("/results/0/fields/email").asText()).isEqualTo("a@example.com");
    }

    @Test
    void refusesWhatIsNotARecord() {
        ResponseEntity<JsonNode> array = http.postForEntity("/sandbox/items", List.of(1, 2), JsonNode.class);
        ResponseEntity<JsonNode> empty = http.postForEntity("/sandbox/items", Map.of(), JsonNode.class);
        ResponseEntity<JsonNode> badName = http.postForEntity("/sandbox/{object}", Map.of("a", 1), JsonNode.class, "no spaces");
        ResponseEntity<JsonNode> tooMany = http.postForEntity("/sandbox/items/batch",
                Map.of("inputs", java.util.Collections.nCopies(101, Map.of("a", 1))), JsonNode.class);

        assertThat(array.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(array.getBody().get("detail").asText()).isEqualTo("the body must be a JSON object with at least one field");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox.records", Long.class)).isZero();
    }
}
