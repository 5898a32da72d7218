package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Records whose insert was sent but whose answer never reached the link table (the state a crash
 * leaves: a pending link). They are never inserted blindly a second time.
 */
class CrashRecoveryTest extends CrmDestinationTest {

    @Test
    void aPendingInsertIsFoundByLookupAndUpdatedInsteadOfCreatedAgain() {
        accounts();
        runs.runAndWait("accounts_mirror");
        pending("accounts_mirror", "2");
        jdbc.update("UPDATE crm_src.accounts SET name = 'B' WHERE id = 2");
        CRM.stubFor(get(urlEqualTo("/crm/v1/accounts?name=B")).willReturn(json(200, "{\"results\": [{\"id\": \"B-1\"}]}")));
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/B-1")).willReturn(json(200, "{}")));
        CRM.resetRequests();

        JsonNode run = runs.runAndWait("accounts_mirror");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")));
        CRM.verify(1, patchRequestedFor(urlEqualTo("/crm/v1/accounts/B-1")));
        assertThat(link("accounts_mirror", "2")).containsEntry("status", "success").containsEntry("target_id", "B-1");
    }

    @Test
    void aRecreateCutShortByACrashForgetsTheGoneTargetAndIsRecoveredByLookup() {
        accounts();
        runs.runAndWait("accounts_mirror");
        // What a crash leaves after a recreate's intent was noted: the link still names the gone record B.
        jdbc.update("INSERT INTO writeback.intents (sync, run_id, source_ids, intent_keys) "
                + "SELECT 'accounts_mirror', max(id), ARRAY['2'], ARRAY['k-recreate'] FROM writeback.runs");
        CRM.stubFor(get(urlEqualTo("/crm/v1/accounts?name=B")).willReturn(json(200, "{\"results\": [{\"id\": \"B-new\"}]}")));
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/B-new")).willReturn(json(200, "{}")));
        CRM.resetRequests();

        JsonNode run = runs.runAndWait("accounts_mirror");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        CRM.verify(0, patchRequestedFor(urlEqualTo("/crm/v1/accounts/B")));
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")));
        assertThat(link("accounts_mirror", "2")).containsEntry("status", "success").containsEntry("target_id", "B-new");
    }

    @Test
    void aRecoveryWhoseLookupFailsStaysPendingSoTheNextRunLooksAgainInsteadOfInserting() {
        accounts();
        runs.runAndWait("accounts_mirror");
        pending("accounts_mirror", "2");
        jdbc.update("UPDATE crm_src.accounts SET name = 'B' WHERE id = 2");
        CRM.stubFor(get(urlEqualTo("/crm/v1/accounts?name=B")).willReturn(json(503, "{}")));
        CRM.resetRequests();

        JsonNode failed = runs.runAndWait("accounts_mirror");

        assertThat(failed.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(link("accounts_mirror", "2")).containsEntry("status", "pending").containsEntry("intent_key", "k-lost")
                .containsEntry("target_id", null);
        CRM.stubFor(get(urlEqualTo("/crm/v1/accounts?name=B")).willReturn(json(200, "{\"results\": [{\"id\": \"B-1\"}]}")));
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/B-1")).willReturn(json(422, "{\"error\": \"locked\"}")));

        JsonNode found = runs.runAndWait("accounts_mirror");

        // Found, but the update was refused: the link knows where the record is, so no later run creates it.
        assertThat(found.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(link("accounts_mirror", "2")).containsEntry("status", "error").containsEntry("target_id", "B-1");
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/B-1")).willReturn(json(200, "{}")));

        JsonNode updated = runs.runAndWait("accounts_mirror");

        assertThat(updated.at("/counts/updated").asLong()).isEqualTo(1);
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")));
        assertThat(link("accounts_mirror", "2")).containsEntry("status", "success").containsEntry("target_id", "B-1");
    }

    @Test
    void aPendingInsertThatALookupDoesNotFindIsInsertedOnce() {
        accounts();
        runs.runAndWait("accounts_mirror");
        pending("accounts_mirror", "3");
        CRM.stubFor(get(urlEqualTo("/crm/v1/accounts?name=C")).willReturn(json(200, "{\"results\": []}")));
        CRM.resetRequests();

        JsonNode run = runs.runAndWait("accounts_mirror");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("C"))));
        assertThat(link("accounts_mirror", "3")).containsEntry("status", "success").containsEntry("target_id", "C");
    }

    @Test
    void withoutIdempotencyOrLookupAPendingInsertIsAnUnknownOutcomeForAnOperator() {
        createsAnswerIdFrom("people", "data", "email");
        CRM.stubFor(put(urlEqualTo("/crm/v1/people/existing-7")).willReturn(json(200, "{}")));
        jdbc.execute("""
                CREATE TABLE crm_src.people (id int, first text, last text, email text, score int);
                INSERT INTO crm_src.people VALUES (1, 'Ada', 'Lovelace', 'ada@example.com', 41)""");
        pending("people", "1");

        JsonNode run = runs.runAndWait("people");

        assertThat(run.get("status").asText()).isEqualTo("completed_with_errors");
        assertThat(run.at("/counts/unknown").asLong()).isEqualTo(1);
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/people")));
        assertThat(link("people", "1")).containsEntry("status", "pending")
                .containsEntry("last_error", RecordDelivery.UNKNOWN_OUTCOME);
        assertThat(runs.runAndWait("people").at("/counts/unknown").asLong()).isEqualTo(1);

        ResponseEntity<JsonNode> resolved = http.postForEntity("/api/syncs/people/links/1/resolve",
                Map.of("targetId", "existing-7"), JsonNode.class);
        JsonNode afterResolve = runs.runAndWait("people");

        assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resolved.getBody().get("status").asText()).isEqualTo("success");
        assertThat(afterResolve.at("/counts/updated").asLong()).isEqualTo(1);
        CRM.verify(1, putRequestedFor(urlEqualTo("/crm/v1/people/existing-7")));
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/people")));
    }

    @Test
    void resolvingALinkThatIsNotPendingIsRefused() {
        ResponseEntity<JsonNode> notPending = http.postForEntity("/api/syncs/people/links/1/resolve",
                Map.of("insertAgain", true), JsonNode.class);
        ResponseEntity<JsonNode> both = http.postForEntity("/api/syncs/people/links/1/resolve",
                Map.of("insertAgain", true, "targetId", "x"), JsonNode.class);

        assertThat(notPending.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** The link a crash leaves behind between sending an insert and recording its answer. */
    private void pending(String sync, String sourceId) {
        jdbc.update("""
                INSERT INTO writeback.links (sync, source_id, status, intent_key, attempts) VALUES (?, ?, 'pending', 'k-lost', 0)
                ON CONFLICT (sync, source_id) DO UPDATE SET status = 'pending', target_id = NULL, intent_key = 'k-lost'""",
                sync, sourceId);
    }
}
