package io.writeback.deadletter;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class DeadLetterReplayTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
        createsOf("accounts", "name", "B", json(422, "{\"error\": \"name taken\"}"));
    }

    @Test
    void listsFailedRecordsWithTheRequestAndTheAnswer() {
        long runId = runs.runAndWait("accounts").get("id").asLong();

        JsonNode letters = http.getForObject("/api/syncs/accounts/dead-letters", JsonNode.class);

        assertThat(letters).hasSize(1);
        JsonNode letter = letters.get(0);
        assertThat(letter.get("sourceId").asText()).isEqualTo("2");
        assertThat(letter.get("runId").asLong()).isEqualTo(runId);
        assertThat(letter.get("action").asText()).isEqualTo("insert");
        assertThat(letter.at("/request/method").asText()).isEqualTo("POST");
        assertThat(letter.at("/request/url").asText()).isEqualTo(CRM.baseUrl() + "/crm/v1/accounts");
        assertThat(letter.at("/request/body").asText()).isEqualTo("{\"id\":2,\"name\":\"B\"}");
        assertThat(letter.at("/response/status").asInt()).isEqualTo(422);
        assertThat(letter.at("/response/body").asText()).isEqualTo("{\"error\": \"name taken\"}");
        assertThat(letter.get("replayState").asText()).isEqualTo("pending");
    }

    @Test
    void replaySendsTheRecordsAgainThroughTheRouteAndNeverTwice() {
        runs.runAndWait("accounts");
        CRM.resetMappings();
        createsAnswerIdFrom("accounts", null, "name");

        ResponseEntity<JsonNode> replay = http.postForEntity("/api/syncs/accounts/dead-letters/replay", null, JsonNode.class);
        JsonNode run = runs.awaitEnd(replay.getBody().get("runId").asLong());

        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(replay.getBody().get("records").asInt()).isEqualTo(1);
        assertThat(run.get("trigger").asText()).isEqualTo("replay");
        assertThat(run.at("/counts/rowsRead").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        JsonNode letter = http.getForObject("/api/syncs/accounts/dead-letters", JsonNode.class).get(0);
        assertThat(letter.get("replayState").asText()).isEqualTo("replayed");
        assertThat(letter.get("settledByRunId").asLong()).isEqualTo(run.get("id").asLong());

        ResponseEntity<JsonNode> again = http.postForEntity("/api/syncs/accounts/dead-letters/replay", null, JsonNode.class);
        long failedId = letter.get("id").asLong();
        ResponseEntity<JsonNode> byId = http.postForEntity("/api/syncs/accounts/dead-letters/replay",
                Map.of("ids", new long[] {failedId}), JsonNode.class);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(byId.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // One refused create, one successful one: never a second record.
        CRM.verify(2, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B"))));
    }

    @Test
    void aLaterScheduledRunThatSyncsTheRecordSettlesItsDeadLetterToo() {
        runs.runAndWait("accounts_mirror");
        CRM.resetMappings();
        createsAnswerIdFrom("accounts", null, "name");

        JsonNode run = runs.runAndWait("accounts_mirror");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(http.getForObject("/api/syncs/accounts_mirror/dead-letters?state=pending", JsonNode.class)).isEmpty();
    }
}
