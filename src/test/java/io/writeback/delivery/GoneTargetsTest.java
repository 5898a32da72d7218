package io.writeback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Target records deleted by hand: an update that finds its record gone creates it again, forgets the
 * link or fails, as the object's on-missing says; operators forget links through the API.
 */
class GoneTargetsTest extends CrmDestinationTest {

    @BeforeEach
    void setUp() {
        accounts();
        CRM.stubFor(patch(urlMatching("/crm/v1/accounts/.*")).willReturn(json(200, "{\"id\": \"{{request.pathSegments.[3]}}\"}")));
    }

    private void renameB(String name) {
        jdbc.update("UPDATE crm_src.accounts SET name = ?, updated_at = updated_at + interval '1 day' WHERE id = 2", name);
    }

    @Test
    void anUpsertRecreatesARecordDeletedInTheTargetAndLinksTheNewOne() {
        runs.runAndWait("accounts");
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/B")).atPriority(1).willReturn(json(404, "{\"message\": \"not found\"}")));
        renameB("B2");

        JsonNode run = runs.runAndWait("accounts");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/updated").asLong()).isZero();
        assertThat(run.at("/counts/failed").asLong()).isZero();
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(2);
        CRM.verify(1, patchRequestedFor(urlEqualTo("/crm/v1/accounts/B")));
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B2"))));
        assertThat(link("accounts", "2")).containsEntry("target_id", "B2").containsEntry("status", "success");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.intents", Long.class)).isZero();

        renameB("B3");
        JsonNode next = runs.runAndWait("accounts");

        assertThat(next.at("/counts/updated").asLong()).isEqualTo(1);
        CRM.verify(1, patchRequestedFor(urlEqualTo("/crm/v1/accounts/B2")).withRequestBody(matchingJsonPath("$.name", equalTo("B3"))));
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B2"))));
    }

    @Test
    void aRecreateThatFailsForgetsTheGoneTargetSoTheNextRunCreatesWithoutUpdatingFirst() {
        runs.runAndWait("accounts");
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/B")).atPriority(1).willReturn(aResponse().withStatus(410)));
        StubMapping refused = createsOf("accounts", "name", "B2", json(422, "{\"message\": \"name taken\"}"));
        renameB("B2");

        JsonNode failed = runs.runAndWait("accounts");

        assertThat(failed.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(link("accounts", "2")).containsEntry("status", "error").containsEntry("target_id", null);

        CRM.removeStub(refused);
        CRM.resetRequests();
        JsonNode retried = runs.runAndWait("accounts");

        assertThat(retried.at("/counts/inserted").asLong()).isEqualTo(1);
        CRM.verify(0, patchRequestedFor(urlMatching(".*")));
        assertThat(link("accounts", "2")).containsEntry("status", "success").containsEntry("target_id", "B2");
    }

    @Test
    void modeUpdateFailsAMissingRecordUntilAnOperatorForgetsItsLink() {
        runs.runAndWait("accounts");
        jdbc.update("INSERT INTO writeback.links (sync, source_id, target_id, status, attempts) "
                + "SELECT 'accounts_update', source_id, target_id, 'success', 0 FROM writeback.links WHERE sync = 'accounts'");
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/B")).atPriority(1).willReturn(json(404, "{}")));

        JsonNode run = runs.runAndWait("accounts_update");

        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(equalToJson("{\"name\": \"B\"}")));
        assertThat((String) link("accounts_update", "2").get("last_error")).startsWith("target record B is gone (")
                .endsWith("on-missing of object 'accounts' is fail: forget the link with DELETE /api/syncs/accounts_update/links/2, "
                        + "or set on-missing to recreate or unlink");

        ResponseEntity<Map> forgotten = http.exchange("/api/syncs/accounts_update/links/2", HttpMethod.DELETE, null, Map.class);
        JsonNode after = runs.runAndWait("accounts_update");

        assertThat(forgotten.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(forgotten.getBody()).containsEntry("forgotten", 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.links WHERE sync = 'accounts_update' AND source_id = '2'",
                Long.class)).isZero();
        assertThat(after.at("/counts/failed").asLong()).isZero();
        CRM.verify(1, patchRequestedFor(urlEqualTo("/crm/v1/accounts/B")));
    }

    @Test
    void anUpdateThatAnswersWithoutTheRecordCountsAsMissingAndUnlinksWhenTheObjectSaysSo() {
        runs.runAndWait("accounts_gone");
        CRM.stubFor(patch(urlEqualTo("/crm/v1/accounts/B")).atPriority(1).willReturn(aResponse().withStatus(204)));
        renameB("B2");

        JsonNode run = runs.runAndWait("accounts_gone");

        assertThat(run.at("/counts/updated").asLong()).isZero();
        assertThat(run.at("/counts/inserted").asLong()).isZero();
        assertThat(run.at("/counts/failed").asLong()).isZero();
        Map<String, Object> link = link("accounts_gone", "2");
        assertThat(link).containsEntry("status", "deleted").containsEntry("target_id", null);
        assertThat((String) link.get("last_error")).isEqualTo("target record B is gone (the update answered HTTP 204 with no "
                + "value at /id (answer: empty): nothing was updated); its link is forgotten (on-missing: unlink)");
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")).withRequestBody(matchingJsonPath("$.name", equalTo("B2"))));

        renameB("B3");
        JsonNode next = runs.runAndWait("accounts_gone");

        assertThat(next.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(link("accounts_gone", "2")).containsEntry("status", "success").containsEntry("target_id", "B3");
    }

    @Test
    void forgettingEveryLinkNeedsToSaySoAndAnOperator() {
        runs.runAndWait("accounts");

        ResponseEntity<String> unasked = http.exchange("/api/syncs/accounts/links", HttpMethod.DELETE, null, String.class);
        ResponseEntity<String> byViewer = TestUsers.VIEWER.on(anonymous).exchange("/api/syncs/accounts/links?all=true",
                HttpMethod.DELETE, null, String.class);
        ResponseEntity<String> oneByAnonymous = anonymous.exchange("/api/syncs/accounts/links/2", HttpMethod.DELETE, null,
                String.class);
        ResponseEntity<Map> byOperator = TestUsers.OPERATOR.on(anonymous).exchange("/api/syncs/accounts/links?all=true",
                HttpMethod.DELETE, null, Map.class);
        ResponseEntity<String> noLink = http.exchange("/api/syncs/accounts/links/2", HttpMethod.DELETE, null, String.class);

        assertThat(unasked.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unasked.getBody()).contains("forgetting every link of sync 'accounts' needs ?all=true");
        assertThat(byViewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(oneByAnonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(byOperator.getBody()).containsEntry("forgotten", 4);
        assertThat(noLink.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.links WHERE sync = 'accounts'", Long.class)).isZero();
    }
}
