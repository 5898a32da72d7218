package io.writeback.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.HubSpotEcho;
import io.writeback.support.OpenApiSpec;
import io.writeback.support.SentRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request shapes of a {@code type: hubspot} connection, against HubSpot's CRM v3 objects API as WireMock plays it. */
class HubSpotProfileTest extends CrmDestinationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTACTS = "/crm/v3/objects/contacts";
    private static final String DEALS = "/crm/v3/objects/deals";
    private static final String COMPANIES = "/crm/v3/objects/companies";
    private static final String ASSOCIATE = "/crm/v4/associations/contacts/companies/batch/create";

    @BeforeEach
    void setUp() {
        jdbc.execute("""
                CREATE TABLE crm_src.hs_contacts (id int, email text, firstname text, lastname text);
                INSERT INTO crm_src.hs_contacts VALUES (1, 'ada@example.com', 'Ada', 'Lovelace'),
                    (2, 'bob@example.com', 'Bob', 'Builder'), (3, 'cy@example.com', 'Cy', 'Press');
                CREATE TABLE crm_src.hs_deals (id int, dealname text, amount numeric, closed boolean, note text);
                INSERT INTO crm_src.hs_deals VALUES (1, 'Big', 1200.50, true, NULL), (2, 'Small', 80, false, 'call back');
                CREATE TABLE crm_src.hs_companies (id int, name text, domain text);
                INSERT INTO crm_src.hs_companies SELECT g, (ARRAY['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark',
                    'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne'])[g], 'c' || g || '.example' FROM generate_series(1, 10) AS g;
                CREATE TABLE crm_src.hs_people (id int, email text, company_id int);
                INSERT INTO crm_src.hs_people VALUES (1, 'ada@example.com', 1), (2, 'bob@example.com', 2), (3, 'cy@example.com', NULL)""");
        for (String object : new String[] {CONTACTS, DEALS, COMPANIES}) {
            for (String batch : new String[] {"create", "upsert", "update"}) {
                CRM.stubFor(post(urlEqualTo(object + "/batch/" + batch)).willReturn(aResponse().withTransformers(HubSpotEcho.NAME)));
            }
        }
        CRM.stubFor(post(urlEqualTo(CONTACTS + "/batch/archive")).willReturn(aResponse().withStatus(204)));
    }

    /** Every request a test sent to HubSpot fits HubSpot's published OpenAPI documents. */
    @AfterEach
    void everyRequestFitsHubSpotsPublishedSpec() {
        assertThat(SentRequests.problems(CRM, "/crm/", request -> OpenApiSpec.HUBSPOT.problems(request.getMethod().getName(),
                request.getUrl(), SentRequests.body(request)))).as("requests that do not fit HubSpot's published spec").isEmpty();
    }

    @Test
    void createsGoInBatchesOfPropertiesMatchedByTheirWriteTraceIds() throws Exception {
        JsonNode run = runs.runAndWait("hubspot_deals");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(1);
        LoggedRequest request = CRM.findAll(postRequestedFor(urlEqualTo(DEALS + "/batch/create"))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer hubspot-private-app-token");
        JsonNode inputs = JSON.readTree(request.getBodyAsString()).get("inputs");
        assertThat(inputs).hasSize(3);
        assertThat(inputs.get(0).get("properties")).isEqualTo(JSON.readTree(
                "{\"email\": \"ada@example.com\", \"firstname\": \"Ada\", \"lastname\": \"Lovelace\"}"));
        assertThat(inputs.get(0).get("objectWriteTraceId").asText()).isNotBlank();
        // The answer lists the results in reverse: each link still gets its own record's id.
        assertThat(jdbc.queryForList("SELECT source_id, target_id FROM writeback.links WHERE sync = 'hubspot_deals' "
                + "ORDER BY source_id")).containsExactly(Map.of("source_id", "1", "target_id", "hs-ada@example.com"),
                Map.of("source_id", "2", "target_id", "hs-bob@example.com"),
                Map.of("source_id", "3", "target_id", "hs-cy@example.com"));
    }

    @Test
    void propertyValuesGoAsStringsAndANullClearsTheProperty() throws Exception {
        runs.runAndWait("hubspot_deals_typed");

        JsonNode inputs = JSON.readTree(CRM.findAll(postRequestedFor(urlEqualTo(DEALS + "/batch/create"))).get(0).getBodyAsString())
                .get("inputs");
        assertThat(inputs.get(0).get("properties")).isEqualTo(JSON.readTree(
                "{\"dealname\": \"Big\", \"amount\": \"1200.50\", \"closed\": \"true\", \"note\": \"\"}"));
        assertThat(inputs.get(1).get("properties")).isEqualTo(JSON.readTree(
                "{\"dealname\": \"Small\", \"amount\": \"80\", \"closed\": \"false\", \"note\": \"call back\"}"));
        assertThat(inputs.get(0).get("associations")).isEmpty();
    }

    @Test
    void matchOnAPropertyThatIsNotUniqueSearchesWithInAndKeepsToTheSearchLimit() {
        CRM.stubFor(post(urlEqualTo(COMPANIES + "/search")).willReturn(json(200, "{\"total\": 0, \"results\": []}")));
        CRM.stubFor(post(urlEqualTo(COMPANIES + "/search"))
                .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].values[0]", equalTo("Acme"))).atPriority(1)
                .willReturn(json(200, "{\"total\": 1, \"results\": [{\"id\": \"c-acme\", \"properties\": {\"name\": \"Acme\"}}]}")));

        JsonNode run = runs.runAndWait("hubspot_companies_match");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(9);
        CRM.verify(5, postRequestedFor(urlEqualTo(COMPANIES + "/search")));
        CRM.verify(postRequestedFor(urlEqualTo(COMPANIES + "/search")).withRequestBody(equalToJson("""
                {"filterGroups": [{"filters": [{"propertyName": "name", "operator": "IN", "values": ["Acme", "Globex"]}]}],
                 "properties": ["name"], "limit": 100, "after": "0", "sorts": []}""")));
        CRM.verify(postRequestedFor(urlEqualTo(COMPANIES + "/batch/update")).withRequestBody(matchingJsonPath("$.inputs[0].id",
                equalTo("c-acme"))));
        // Five searches, four a second: the fifth waits for the window (and its margin) to pass.
        assertThat(time.waits()).containsExactly(java.time.Duration.ofMillis(1050));
        assertThat(link("hubspot_companies_match", "1")).containsEntry("target_id", "c-acme");
    }

    @Test
    void matchOnTheUniquePropertyReadsInBatchesAskingForThatProperty() {
        CRM.stubFor(post(urlEqualTo(CONTACTS + "/batch/read")).willReturn(json(200, """
                {"status": "COMPLETE", "results": [{"id": "hs-ada-old", "properties": {"email": "ada@example.com"}}]}""")));

        JsonNode run = runs.runAndWait("hubspot_contacts_match");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(3);
        CRM.verify(postRequestedFor(urlEqualTo(CONTACTS + "/batch/read")).withRequestBody(equalToJson("""
                {"idProperty": "email", "inputs": [{"id": "ada@example.com"}, {"id": "bob@example.com"}, {"id": "cy@example.com"}],
                 "properties": ["email"], "propertiesWithHistory": []}""")));
        CRM.verify(0, postRequestedFor(urlEqualTo(CONTACTS + "/search")));
        assertThat(link("hubspot_contacts_match", "1")).containsEntry("target_id", "hs-ada-old");
    }

    @Test
    void errorsOfAMultiStatusAnswerGoToTheRecordsTheirContextNames() {
        jdbc.update("UPDATE crm_src.hs_contacts SET email = 'bad-one' WHERE id = 1");
        jdbc.update("UPDATE crm_src.hs_contacts SET email = 'bad-two' WHERE id = 2");

        JsonNode run = runs.runAndWait("hubspot_deals");

        assertThat(run.at("/counts/failed").asLong()).isEqualTo(2);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(1);
        assertThat(link("hubspot_deals", "1")).containsEntry("last_error",
                "the bulk answer has no result for this record and reports: Property values were not valid: email bad-one");
        assertThat(link("hubspot_deals", "2")).containsEntry("last_error",
                "the bulk answer has no result for this record and reports: Property values were not valid: email bad-two");
        assertThat(link("hubspot_deals", "3")).containsEntry("status", "success");
    }

    @Test
    void aRelationBecomesAnAssociationMadeAfterTheWritesInOneBatch() {
        CRM.stubFor(post(urlEqualTo(COMPANIES + "/search")).willReturn(json(200, "{\"total\": 0, \"results\": []}")));
        runs.runAndWait("hubspot_companies_match");
        CRM.stubFor(post(urlEqualTo(ASSOCIATE)).willReturn(json(400, "{\"status\": \"error\", \"message\": \"no such type\"}")));

        JsonNode refused = runs.runAndWait("hubspot_people");

        assertThat(refused.at("/counts/failed").asLong()).isEqualTo(2);
        assertThat(refused.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(link("hubspot_people", "1")).containsEntry("status", "error").containsEntry("target_id", "hs-ada@example.com")
                .containsEntry("last_error", "written, but its association company with companies failed: HTTP 400 from POST "
                        + CRM.baseUrl() + ASSOCIATE + ": {\"status\": \"error\", \"message\": \"no such type\"}");
        CRM.verify(postRequestedFor(urlEqualTo(CONTACTS + "/batch/upsert")).withRequestBody(matchingJsonPath("$.inputs[0].properties",
                equalToJson("{\"email\": \"ada@example.com\"}"))));
        CRM.stubFor(post(urlEqualTo(ASSOCIATE)).willReturn(json(201, "{\"status\": \"COMPLETE\", \"results\": []}")));
        CRM.resetRequests();

        JsonNode again = runs.runAndWait("hubspot_people");

        assertThat(again.at("/counts/updated").asLong()).isEqualTo(2);
        assertThat(again.at("/counts/httpCalls").asLong()).isEqualTo(2);
        CRM.verify(postRequestedFor(urlEqualTo(ASSOCIATE)).withRequestBody(equalToJson("""
                {"inputs": [
                  {"from": {"id": "hs-ada@example.com"}, "to": {"id": "hs-Acme"},
                   "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279}]},
                  {"from": {"id": "hs-bob@example.com"}, "to": {"id": "hs-Globex"},
                   "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279}]}]}""")));
        assertThat(link("hubspot_people", "2")).containsEntry("status", "success");
    }

    @Test
    void anObjectWithAUniquePropertyCreatesByBatchUpsertOnIt() {
        JsonNode run = runs.runAndWait("hubspot_contacts");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        CRM.verify(0, postRequestedFor(urlEqualTo(CONTACTS + "/batch/create")));
        CRM.verify(postRequestedFor(urlEqualTo(CONTACTS + "/batch/upsert")).withRequestBody(matchingJsonPath(
                "$.inputs[0]", equalToJson("""
                        {"idProperty": "email", "id": "ada@example.com",
                         "properties": {"email": "ada@example.com", "firstname": "Ada", "lastname": "Lovelace"}}"""))));
        assertThat(jdbc.queryForObject("SELECT target_id FROM writeback.links WHERE sync = 'hubspot_contacts' AND source_id = '3'",
                String.class)).isEqualTo("hs-cy@example.com");
    }

    @Test
    void changesGoInBatchUpdatesAndVanishedRecordsInBatchArchives() {
        runs.runAndWait("hubspot_contacts");
        jdbc.update("UPDATE crm_src.hs_contacts SET lastname = 'King' WHERE id = 1");
        jdbc.update("DELETE FROM crm_src.hs_contacts WHERE id = 3");

        JsonNode run = runs.runAndWait("hubspot_contacts");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/deleted").asLong()).isEqualTo(1);
        CRM.verify(postRequestedFor(urlEqualTo(CONTACTS + "/batch/update")).withRequestBody(equalToJson("""
                {"inputs": [{"id": "hs-ada@example.com",
                             "properties": {"email": "ada@example.com", "firstname": "Ada", "lastname": "King"}}]}""")));
        CRM.verify(postRequestedFor(urlEqualTo(CONTACTS + "/batch/archive"))
                .withRequestBody(equalToJson("{\"inputs\": [{\"id\": \"hs-cy@example.com\"}]}")));
    }

    @Test
    void aRecordHubSpotRefusesInAMultiStatusAnswerFailsAloneWithHubSpotsMessage() {
        jdbc.update("UPDATE crm_src.hs_contacts SET email = 'bad-address' WHERE id = 2");

        JsonNode run = runs.runAndWait("hubspot_deals");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT status, last_error FROM writeback.links WHERE sync = 'hubspot_deals' "
                + "AND source_id = '2'")).containsEntry("status", "error").containsEntry("last_error",
                "the bulk answer has no result for this record and reports: Property values were not valid: email bad-address");
    }

    @Test
    void singleCallsSendPropertiesToTheObjectsEndpoints() {
        CRM.stubFor(post(urlEqualTo(CONTACTS)).willReturn(json(201, "{\"id\": \"hs-{{jsonPath request.body '$.properties.email'}}\"}")));
        CRM.stubFor(patch(urlMatching(CONTACTS + "/.*")).willReturn(json(200, "{}")));
        CRM.stubFor(delete(urlMatching(CONTACTS + "/.*")).willReturn(aResponse().withStatus(204)));
        runs.runAndWait("hubspot_contacts_single");
        jdbc.update("UPDATE crm_src.hs_contacts SET firstname = 'Robert' WHERE id = 2");
        jdbc.update("DELETE FROM crm_src.hs_contacts WHERE id = 3");

        runs.runAndWait("hubspot_contacts_single");

        CRM.verify(3, postRequestedFor(urlEqualTo(CONTACTS)));
        CRM.verify(postRequestedFor(urlEqualTo(CONTACTS)).withRequestBody(equalToJson("""
                {"properties": {"email": "ada@example.com", "firstname": "Ada", "lastname": "Lovelace"}, "associations": []}""")));
        CRM.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/hs-bob@example.com")).withRequestBody(equalToJson(
                "{\"properties\": {\"email\": \"bob@example.com\", \"firstname\": \"Robert\", \"lastname\": \"Builder\"}}")));
        CRM.verify(deleteRequestedFor(urlEqualTo(CONTACTS + "/hs-cy@example.com")));
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByReadingItsUniqueProperty() {
        runs.runAndWait("hubspot_contacts");
        jdbc.update("UPDATE writeback.links SET status = 'pending', target_id = NULL, intent_key = 'lost' "
                + "WHERE sync = 'hubspot_contacts' AND source_id = ANY (ARRAY['2', '3'])");
        CRM.stubFor(get(urlEqualTo(CONTACTS + "/bob%40example.com?idProperty=email")).willReturn(json(200,
                "{\"id\": \"hs-bob-found\", \"properties\": {\"email\": \"bob@example.com\"}}")));
        CRM.stubFor(get(urlEqualTo(CONTACTS + "/cy%40example.com?idProperty=email")).willReturn(json(404,
                "{\"status\": \"error\", \"category\": \"OBJECT_NOT_FOUND\"}")));
        CRM.stubFor(post(urlEqualTo(CONTACTS)).willReturn(json(201, "{\"id\": \"hs-cy-new\"}")));
        CRM.stubFor(patch(urlEqualTo(CONTACTS + "/hs-bob-found")).willReturn(json(200, "{}")));
        CRM.resetRequests();

        JsonNode run = runs.runAndWait("hubspot_contacts");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(4);
        CRM.verify(0, postRequestedFor(urlEqualTo(CONTACTS + "/search")));
        CRM.verify(0, postRequestedFor(urlEqualTo(CONTACTS + "/batch/upsert")));
        CRM.verify(patchRequestedFor(urlEqualTo(CONTACTS + "/hs-bob-found"))
                .withRequestBody(matchingJsonPath("$.properties.email", equalTo("bob@example.com"))));
        assertThat(jdbc.queryForObject("SELECT target_id FROM writeback.links WHERE sync = 'hubspot_contacts' AND source_id = '2'",
                String.class)).isEqualTo("hs-bob-found");
        assertThat(jdbc.queryForObject("SELECT target_id FROM writeback.links WHERE sync = 'hubspot_contacts' AND source_id = '3'",
                String.class)).isEqualTo("hs-cy-new");
    }

    @Test
    void aQaCheckReadsTheRecordsBackByBatchReadAskingForTheFieldsItCompares() {
        runs.runAndWait("hubspot_contacts");
        CRM.stubFor(post(urlEqualTo(CONTACTS + "/batch/read")).willReturn(json(207, """
                {"status": "COMPLETE", "results": [
                  {"id": "hs-ada@example.com", "properties": {"email": "ada@example.com", "firstname": "Ada", "lastname": "Lovelace"}},
                  {"id": "hs-bob@example.com", "properties": {"email": "bob@example.com", "firstname": "Robert", "lastname": "Builder"}}],
                 "numErrors": 1, "errors": [{"status": "error", "category": "OBJECT_NOT_FOUND", "message": "not found",
                   "context": {"ids": ["hs-cy@example.com"]}}]}""")));

        JsonNode started = http.postForObject("/api/syncs/hubspot_contacts/qa", Map.of(), JsonNode.class);
        JsonNode check = await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject(started.get("report").asText(),
                JsonNode.class), report -> !report.get("status").asText().equals("running"));

        assertThat(check.get("status").asText()).isEqualTo("done");
        assertThat(check.at("/results/counts/same").asInt()).isEqualTo(1);
        assertThat(check.at("/results/counts/targetGone").asInt()).isEqualTo(1);
        assertThat(check.at("/results/targetGone/0/targetId").asText()).isEqualTo("hs-cy@example.com");
        assertThat(check.at("/results/differing/0/fields/firstname/sent").asText()).isEqualTo("Bob");
        assertThat(check.at("/results/differing/0/fields/firstname/target").asText()).isEqualTo("Robert");
        CRM.verify(1, postRequestedFor(urlEqualTo(CONTACTS + "/batch/read")).withRequestBody(equalToJson("""
                {"inputs": [{"id": "hs-ada@example.com"}, {"id": "hs-bob@example.com"}, {"id": "hs-cy@example.com"}],
                 "properties": ["email", "firstname", "lastname"], "propertiesWithHistory": []}""")));
    }

    @Test
    void theProfileDefaultsToHubSpotsAddressAndDocumentedRateLimitForAnyObject() {
        ConnectionProperties hubspot = new ConnectionProperties(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, ConnectionType.HUBSPOT, null, null, null, null, null, null, null, null, null);

        ObjectEndpoints custom = hubspot.object("p_cars");

        assertThat(hubspot.baseUrl()).isEqualTo("https://api.hubapi.com");
        assertThat(hubspot.rateLimit()).isEqualTo(new RateLimit(100, java.time.Duration.ofSeconds(10)));
        assertThat(hubspot.hosts()).isEqualTo(List.of("api.hubapi.com"));
        assertThat(custom.insert().path()).isEqualTo("/crm/v3/objects/{object}");
        assertThat(custom.bulkInsert().path()).isEqualTo("/crm/v3/objects/{object}/batch/create");
        assertThat(custom.bulkInsert().maxBatch()).isEqualTo(100);
        assertThat(custom.bulkDelete().path()).isEqualTo("/crm/v3/objects/{object}/batch/archive");
        assertThat(custom.lookup()).isNull();
        assertThat(custom.bulkUpsert()).isNull();
        ObjectEndpoints withUniqueProperty = HubSpotProfile.object("email");
        assertThat(withUniqueProperty.bulkUpsert().path()).isEqualTo("/crm/v3/objects/{object}/batch/upsert");
        assertThat(withUniqueProperty.bulkDelete().path()).isEqualTo("/crm/v3/objects/{object}/batch/archive");
        assertThat(withUniqueProperty.lookup().path()).isEqualTo("/crm/v3/objects/{object}/{email}?idProperty=email");
        assertThat(withUniqueProperty.bulkLookupFor("email").path()).isEqualTo("/crm/v3/objects/{object}/batch/read");
        assertThat(withUniqueProperty.bulkLookupFor("domain").path()).isEqualTo("/crm/v3/objects/{object}/search");
        assertThat(hubspot.searchRateLimit()).isEqualTo(new RateLimit(4, java.time.Duration.ofSeconds(1)));
        assertThat(custom.payloadField()).isEqualTo("properties");
    }
}
