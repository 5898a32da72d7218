package io.writeback.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.OpenApiSpec;
import io.writeback.support.SentRequests;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The requests of a {@code type: pipedrive} connection, against Pipedrive's API v2 as WireMock plays it; every
 * request is checked against Pipedrive's published OpenAPI document.
 */
class PipedriveProfileTest extends CrmDestinationTest {

    private static final String ORGANIZATIONS = "/api/v2/organizations";
    private static final String PERSONS = "/api/v2/persons";

    @Autowired
    private Connections connections;

    @BeforeEach
    void pipedrive() {
        jdbc.execute("""
                CREATE TABLE crm_src.pd_orgs (id int, name text, custom_fields jsonb);
                INSERT INTO crm_src.pd_orgs VALUES (1, 'Acme', '{"9dc80c50d78a15643bfc4ca79d76156a73a1ca0e": "A-1"}'),
                    (2, 'Globex', NULL), (3, 'Initech', NULL);
                CREATE TABLE crm_src.pd_people (id int, name text, email text, org_id int);
                INSERT INTO crm_src.pd_people VALUES (1, 'Ada Lovelace', 'ada@example.com', 1),
                    (2, 'Grace Hopper', 'grace@example.com', 2), (3, 'Alan Turing', 'alan@example.com', NULL)""");
        createsAnswer(ORGANIZATIONS, "name", "Acme", 101);
        createsAnswer(ORGANIZATIONS, "name", "Globex", 102);
        createsAnswer(ORGANIZATIONS, "name", "Initech", 103);
        createsAnswer(PERSONS, "name", "Grace Hopper", 202);
        createsAnswer(PERSONS, "name", "Alan Turing", 203);
        CRM.stubFor(get(urlPathEqualTo(PERSONS + "/search")).willReturn(json(200,
                "{\"success\": true, \"data\": {\"items\": []}, \"additional_data\": {\"next_cursor\": null}}")));
    }

    /** Every request sent to Pipedrive fits Pipedrive's published OpenAPI document. */
    @AfterEach
    void everyRequestFitsPipedrivesPublishedSpec() {
        assertThat(SentRequests.problems(CRM, "/api/v2/", request -> OpenApiSpec.PIPEDRIVE.problems(request.getMethod().getName(),
                request.getUrl(), SentRequests.body(request)))).as("requests that do not fit Pipedrive's published spec").isEmpty();
    }

    @Test
    void recordsAreCreatedUpdatedAndDeletedOneCallEachWithTheApiToken() {
        CRM.stubFor(patch(urlMatching(ORGANIZATIONS + "/\\d+")).willReturn(json(200, "{\"success\": true, \"data\": {\"id\": 101}}")));
        CRM.stubFor(delete(urlMatching(ORGANIZATIONS + "/\\d+")).willReturn(json(200, "{\"success\": true, \"data\": {\"id\": 103}}")));

        JsonNode first = runs.runAndWait("pd_organizations");

        assertThat(first.at("/counts/inserted").asLong()).isEqualTo(3);
        LoggedRequest create = CRM.findAll(postRequestedFor(urlEqualTo(ORGANIZATIONS))).get(0);
        assertThat(create.getHeader("x-api-token")).isEqualTo(PIPEDRIVE_TOKEN);
        CRM.verify(postRequestedFor(urlEqualTo(ORGANIZATIONS)).withRequestBody(equalToJson("""
                {"name": "Acme", "custom_fields": {"9dc80c50d78a15643bfc4ca79d76156a73a1ca0e": "A-1"}}""")));
        assertThat(link("pd_organizations", "1")).containsEntry("target_id", "101");
        jdbc.update("UPDATE crm_src.pd_orgs SET name = 'Acme Corp' WHERE id = 1");
        jdbc.update("DELETE FROM crm_src.pd_orgs WHERE id = 3");

        JsonNode second = runs.runAndWait("pd_organizations");

        assertThat(second.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(second.at("/counts/deleted").asLong()).isEqualTo(1);
        CRM.verify(patchRequestedFor(urlEqualTo(ORGANIZATIONS + "/101")).withRequestBody(equalToJson("""
                {"name": "Acme Corp", "custom_fields": {"9dc80c50d78a15643bfc4ca79d76156a73a1ca0e": "A-1"}}""")));
        CRM.verify(deleteRequestedFor(urlEqualTo(ORGANIZATIONS + "/103")));
    }

    @Test
    void aPersonIsMatchedByEmailThroughSearchAndCarriesItsOrganizationsId() {
        runs.runAndWait("pd_organizations");
        CRM.stubFor(get(urlPathEqualTo(PERSONS + "/search")).withQueryParam("term", equalTo("ada@example.com")).atPriority(1)
                .willReturn(json(200, """
                        {"success": true, "data": {"items": [{"result_score": 1.0, "item": {"id": 201, "type": "person",
                          "name": "Ada L.", "emails": ["ada@example.com"]}}]}, "additional_data": {"next_cursor": null}}""")));
        CRM.stubFor(patch(urlEqualTo(PERSONS + "/201")).willReturn(json(200, "{\"success\": true, \"data\": {\"id\": 201}}")));

        JsonNode run = runs.runAndWait("pd_persons");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        CRM.verify(getRequestedFor(urlEqualTo(PERSONS + "/search?term=ada%40example.com&fields=email&exact_match=true")));
        CRM.verify(patchRequestedFor(urlEqualTo(PERSONS + "/201")).withRequestBody(equalToJson("""
                {"name": "Ada Lovelace", "emails": [{"value": "ada@example.com", "primary": true}], "org_id": 101}""")));
        // Pipedrive's schema takes no null: a person without an organization goes without org_id.
        CRM.verify(postRequestedFor(urlEqualTo(PERSONS)).withRequestBody(equalToJson("""
                {"name": "Alan Turing", "emails": [{"value": "alan@example.com", "primary": true}]}""")));
        assertThat(link("pd_persons", "1")).containsEntry("target_id", "201");
        assertThat(link("pd_persons", "2")).containsEntry("target_id", "202");
    }

    @Test
    void aDealCarriesItsPersonsAndOrganizationsIdsAsNumbers() {
        jdbc.execute("""
                CREATE TABLE crm_src.pd_deals (id int, title text, value numeric, currency text, person_id int, org_id int);
                INSERT INTO crm_src.pd_deals VALUES (1, 'Renewal', 1200.50, 'EUR', 2, 2)""");
        createsAnswer("/api/v2/deals", "title", "Renewal", 301);
        runs.runAndWait("pd_organizations");
        runs.runAndWait("pd_persons");

        JsonNode run = runs.runAndWait("pd_deals");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        CRM.verify(postRequestedFor(urlEqualTo("/api/v2/deals")).withRequestBody(equalToJson("""
                {"title": "Renewal", "value": 1200.50, "currency": "EUR", "person_id": 202, "org_id": 102}""")));
    }

    @Test
    void aRecordPipedriveRefusesFailsAloneWithPipedrivesError() {
        CRM.stubFor(post(urlEqualTo(ORGANIZATIONS)).withRequestBody(matchingJsonPath("$.name", equalTo("Globex"))).atPriority(1)
                .willReturn(json(400, """
                        {"success": false, "error": "Organization name is too long", "code": "ERR_SCHEMA_VALIDATION_FAILED"}""")));

        JsonNode run = runs.runAndWait("pd_organizations");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(link("pd_organizations", "2")).containsEntry("status", "error");
        assertThat(link("pd_organizations", "2").get("last_error").toString()).startsWith("HTTP 400 from POST ")
                .contains("Organization name is too long");
    }

    @Test
    void aRateLimitedCallWaitsTheSecondsPipedriveSaysAndTheLimitsAreThePlans() {
        CRM.stubFor(post(urlEqualTo(ORGANIZATIONS)).inScenario("window").whenScenarioStateIs(STARTED).atPriority(1)
                .willReturn(json(429, "{\"success\": false, \"error\": \"Request over limit\"}").withHeader("x-ratelimit-reset", "2"))
                .willSetStateTo("open"));

        JsonNode run = runs.runAndWait("pd_organizations");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(4);
        assertThat(time.waitedInAll()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(connections.get("pipedrive").rateLimitState()).contains("of 40 calls in the last PT2S")
                .contains("searches: 0 of 10 calls in the last PT2S");
    }

    private static void createsAnswer(String path, String field, String value, int id) {
        CRM.stubFor(post(urlEqualTo(path)).withRequestBody(matchingJsonPath("$." + field, equalTo(value)))
                .willReturn(json(201, "{\"success\": true, \"data\": {\"id\": " + id + ", \"" + field + "\": \"" + value + "\"}}")));
    }
}
