package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.BatchEcho;
import io.writeback.support.CrmDestinationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk creates against a CRM whose batch endpoint WireMock plays. */
class BulkInsertTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts/batch")).willReturn(aResponse().withTransformers(BatchEcho.NAME)));
    }

    @Test
    void recordsGoInBulkCallsOfTheBatchSize() {
        JsonNode whole = runs.runAndWait("accounts_bulk");
        JsonNode inThrees = runs.runAndWait("accounts_bulk3");

        assertThat(whole.at("/counts/inserted").asLong()).isEqualTo(4);
        assertThat(whole.at("/counts/httpCalls").asLong()).isEqualTo(1);
        assertThat(inThrees.at("/counts/inserted").asLong()).isEqualTo(4);
        assertThat(inThrees.at("/counts/httpCalls").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT source_id, target_id FROM writeback.links WHERE sync = 'accounts_bulk' "
                + "ORDER BY source_id")).containsExactly(Map.of("source_id", "1", "target_id", "A"),
                Map.of("source_id", "2", "target_id", "B"), Map.of("source_id", "3", "target_id", "C"),
                Map.of("source_id", "4", "target_id", "D"));
    }

    @Test
    void theBatchSizeIsCappedByTheEndpointsMaximum() {
        JsonNode run = runs.runAndWait("accounts_capped");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(4);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(2);
    }

    @Test
    void aBatchOfCreatesAnswered5xxIsNeitherHalvedNorSentAgainAndItsRecordsStayPending() {
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts/batch")).atPriority(1).willReturn(aResponse().withStatus(500)));

        JsonNode run = runs.runAndWait("accounts_bulk");

        assertThat(run.at("/counts/failed").asLong()).isEqualTo(4);
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts/batch")));
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM writeback.links WHERE sync = 'accounts_bulk'", String.class))
                .containsExactly("pending");
    }

    @Test
    void aBatchRefusedForItsCredentialsIsNotHalved() {
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts/batch")).atPriority(1).willReturn(json(401, "{\"error\": \"bad token\"}")));

        JsonNode run = runs.runAndWait("accounts_bulk");

        assertThat(run.at("/counts/failed").asLong()).isEqualTo(4);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(1);
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts/batch")));
    }

    @Test
    void aRefusedBatchIsHalvedUntilOnlyTheBadRecordFails() {
        jdbc.update("INSERT INTO crm_src.accounts (id, name) VALUES (5, 'E'), (6, 'F'), (7, 'G'), (8, 'H')");
        jdbc.update("UPDATE crm_src.accounts SET name = 'BAD-C' WHERE id = 3");

        JsonNode run = runs.runAndWait("accounts_bulk");

        // 8 refused; 4 refused, 4 landed; of the first 4: 2 landed, 2 refused; of those: 1 refused, 1 landed.
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(7);
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(7);
        CRM.verify(7, postRequestedFor(urlEqualTo("/crm/v1/accounts/batch")));
        Map<String, Object> dead = jdbc.queryForMap("SELECT * FROM writeback.dead_letters WHERE sync = 'accounts_bulk'");
        assertThat(dead).containsEntry("source_id", "3").containsEntry("response_status", 400)
                .containsEntry("request_body", "{\"name\":\"BAD-C\"}");
        assertThat((String) dead.get("error")).contains("invalid input BAD-C");
    }

    @Test
    void perItemErrorsInTheAnswerFailOnlyThoseRecords() {
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts/batch")).atPriority(1).willReturn(json(200, """
                {"results": [{"id": "A"}, {"error": "duplicate name"}, {"id": "C"}, {"id": "D"}]}""")));

        JsonNode run = runs.runAndWait("accounts_bulk");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT status, last_error FROM writeback.links WHERE sync = 'accounts_bulk' AND source_id = '2'"))
                .containsEntry("status", "error").containsEntry("last_error", "the bulk answer refused this record: duplicate name");
    }

    @Test
    void aBulkAnswerThatCannotBeMatchedLeavesTheRecordsPendingNotCreatedAgain() {
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts/batch")).atPriority(1).willReturn(json(200, "{\"results\": []}")));

        JsonNode run = runs.runAndWait("accounts_bulk");
        JsonNode next = runs.runAndWait("accounts_bulk");

        assertThat(run.at("/counts/failed").asLong()).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM writeback.links WHERE sync = 'accounts_bulk'", String.class))
                .containsExactly("pending");
        // crm_bulk takes no idempotency key and has no lookup: the outcome is left to an operator.
        assertThat(next.at("/counts/unknown").asLong()).isEqualTo(4);
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts/batch")));
    }
}
