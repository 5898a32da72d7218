package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * matchOn: a target that already holds some records gets no duplicates; each new record is looked up
 * by its name first, and one found is linked and updated.
 */
class MatchOnTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
        CRM.stubFor(get(urlPathEqualTo("/crm/v1/accounts")).willReturn(json(200, "{\"results\": []}")));
    }

    @Test
    void recordsAlreadyInTheTargetAreLinkedAndUpdatedTheOthersInserted() {
        CRM.stubFor(get(urlEqualTo("/crm/v1/accounts?name=B")).atPriority(1)
                .willReturn(json(200, "{\"results\": [{\"id\": \"existing-B\"}]}")));
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/existing-B")).willReturn(json(200, "{}")));

        JsonNode run = runs.runAndWait("accounts_match");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(8);
        CRM.verify(4, getRequestedFor(urlPathEqualTo("/crm/v1/accounts")));
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B"))));
        CRM.verify(1, patchRequestedFor(urlEqualTo("/crm/v1/accounts/existing-B")));
        assertThat(link("accounts_match", "2")).containsEntry("status", "success").containsEntry("target_id", "existing-B");

        JsonNode again = runs.runAndWait("accounts_match");

        assertThat(again.at("/counts/httpCalls").asLong()).isZero();
    }

    @Test
    void aFailedLookupSendsNothingForItsRecordAndIsRetriedLikeAFailedInsert() {
        CRM.stubFor(get(urlEqualTo("/crm/v1/accounts?name=C")).atPriority(1).willReturn(json(400, "{\"error\": \"bad query\"}")));

        JsonNode run = runs.runAndWait("accounts_match");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("C"))));
        assertThat(link("accounts_match", "3")).containsEntry("status", "error").containsEntry("target_id", null);
        JsonNode letters = http.getForObject("/api/syncs/accounts_match/dead-letters", JsonNode.class);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("action").asText()).isEqualTo("insert");
        assertThat(letters.get(0).at("/response/status").asInt()).isEqualTo(400);
        assertThat(letters.get(0).at("/request/method").asText()).isEqualTo("GET");
    }

    @Test
    void anObjectWithABulkLookupLooksUpAChunkInBatchesInsteadOfOneCallPerRecord() {
        createsAnswerIdFrom("firms", null, "name");
        CRM.stubFor(post(urlEqualTo("/crm/v1/firms/batch/read"))
                .withRequestBody(equalToJson("{\"idProperty\": \"name\", \"inputs\": [{\"name\": \"A\"}, {\"name\": \"B\"}, {\"name\": \"C\"}]}"))
                .willReturn(json(200, "{\"results\": [{\"id\": \"existing-B\", \"name\": \"B\"}]}")));
        CRM.stubFor(post(urlEqualTo("/crm/v1/firms/batch/read"))
                .withRequestBody(equalToJson("{\"idProperty\": \"name\", \"inputs\": [{\"name\": \"D\"}]}"))
                .willReturn(json(200, "{\"results\": []}")));
        CRM.stubFor(patch(urlEqualTo("/crm/v1/firms/existing-B")).willReturn(json(200, "{}")));

        JsonNode run = runs.runAndWait("firms_match");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        // Four records, batches of three: two lookups, three creates, one update.
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(6);
        CRM.verify(2, postRequestedFor(urlEqualTo("/crm/v1/firms/batch/read")));
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/firms")).withRequestBody(matchingJsonPath("$.name", equalTo("B"))));
        assertThat(link("firms_match", "2")).containsEntry("status", "success").containsEntry("target_id", "existing-B");
    }

    @Test
    void aFailedBulkLookupSendsNothingForTheRecordsOfItsBatch() {
        createsAnswerIdFrom("firms", null, "name");
        CRM.stubFor(post(urlEqualTo("/crm/v1/firms/batch/read")).willReturn(json(200, "{\"results\": []}")));
        CRM.stubFor(post(urlEqualTo("/crm/v1/firms/batch/read")).withRequestBody(matchingJsonPath("$.inputs[0].name", equalTo("A")))
                .atPriority(1).willReturn(json(400, "{\"error\": \"bad search\"}")));

        JsonNode run = runs.runAndWait("firms_match");

        assertThat(run.at("/counts/failed").asLong()).isEqualTo(3);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        // The failed lookup of three records is one call, counted once: two lookups and one create in all.
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(3);
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/firms")));
        assertThat(link("firms_match", "1")).containsEntry("status", "error");
    }
}
