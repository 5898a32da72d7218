package io.writeback.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.SalesforceDocs;
import io.writeback.support.SalesforceEcho;
import io.writeback.support.SentRequests;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The requests of a {@code type: salesforce} connection, against Salesforce's REST API as WireMock plays it
 * after the REST API Developer Guide's examples, which every request is checked against.
 */
class SalesforceProfileTest extends CrmDestinationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA = "/services/data/v64.0";
    private static final String COLLECTIONS = DATA + "/composite/sobjects";
    private static KeyPair key;

    @Autowired
    private Connections connections;

    @Autowired
    private MeterRegistry meters;

    @BeforeAll
    static void signingKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        Path file = Path.of(SALESFORCE_KEY_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }

    @BeforeEach
    void salesforce() {
        connections.reload("salesforce");
        CRM.stubFor(post(urlEqualTo("/services/oauth2/token")).willReturn(json(200, """
                {"access_token": "sf-access-token", "instance_url": "https://acme.my.salesforce.com", "token_type": "Bearer"}""")));
        CRM.stubFor(post(urlEqualTo(COLLECTIONS)).willReturn(aResponse().withTransformers(SalesforceEcho.NAME)));
        CRM.stubFor(patch(urlMatching(COLLECTIONS + "(/Contact/External_Id__c)?")).willReturn(aResponse()
                .withTransformers(SalesforceEcho.NAME)));
        jdbc.execute("""
                CREATE TABLE crm_src.sf_accounts (id int, name text, city text);
                INSERT INTO crm_src.sf_accounts VALUES (1, 'Acme', 'Berlin'), (2, 'Globex', 'Paris'), (3, 'Initech', NULL);
                CREATE TABLE crm_src.sf_contacts (id int, ext_id text, last_name text, email text, account_id int);
                INSERT INTO crm_src.sf_contacts VALUES (1, 'C-1', 'Lovelace', 'ada@example.com', 1),
                    (2, 'C-2', 'Hopper', 'grace@example.com', 2), (3, 'C-3', 'Turing', 'alan@example.com', NULL);
                CREATE TABLE crm_src.sf_contacts_keyed (id int, ext_id text, last_name text, account_key text);
                INSERT INTO crm_src.sf_contacts_keyed VALUES (1, 'C-1', 'Lovelace', 'A-1');
                CREATE TABLE crm_src.sf_leads (id int, last_name text, company text, email text);
                INSERT INTO crm_src.sf_leads VALUES (1, 'Lovelace', 'Acme', 'ada@example.com'),
                    (2, 'O''Brien', 'Globex', 'o''brien@example.com'), (3, 'Turing', 'Initech', 'alan@example.com')""");
    }

    /** Every request sent to Salesforce is one the REST API Developer Guide shows, shaped as its examples are. */
    @AfterEach
    void everyRequestIsShapedAsTheGuidesExamples() {
        assertThat(SentRequests.problems(CRM, "/services/data/", request -> SalesforceDocs.problems(request.getMethod().getName(),
                request.getUrl(), request.getBodyAsString()))).as("requests unlike the REST API Developer Guide's examples").isEmpty();
    }

    @Test
    void createsGoThroughCollectionsEachRecordWithItsOwnResultAndErrors() throws Exception {
        jdbc.update("UPDATE crm_src.sf_accounts SET name = '' WHERE id = 2");

        JsonNode run = runs.runAndWait("sf_accounts");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        LoggedRequest create = CRM.findAll(postRequestedFor(urlEqualTo(COLLECTIONS))).get(0);
        assertThat(create.getHeader("Authorization")).isEqualTo("Bearer sf-access-token");
        CRM.verify(postRequestedFor(urlEqualTo(COLLECTIONS)).withRequestBody(equalToJson("""
                {"allOrNone": false, "records": [
                  {"attributes": {"type": "Account"}, "Name": "Acme", "BillingCity": "Berlin"},
                  {"attributes": {"type": "Account"}, "Name": "", "BillingCity": "Paris"},
                  {"attributes": {"type": "Account"}, "Name": "Initech", "BillingCity": null}]}""", true, false)));
        assertThat(link("sf_accounts", "1")).containsEntry("target_id", "001-Acme");
        assertThat(link("sf_accounts", "3")).containsEntry("target_id", "001-Initech");
        assertThat(link("sf_accounts", "2")).containsEntry("status", "error").containsEntry("last_error",
                "the bulk answer refused this record: REQUIRED_FIELD_MISSING: Required fields are missing: [Name] (fields: Name)");
    }

    @Test
    void theTokenComesFromAJwtSignedWithTheConnectionsKey() throws Exception {
        runs.runAndWait("sf_accounts");

        LoggedRequest token = CRM.findAll(postRequestedFor(urlEqualTo("/services/oauth2/token"))).get(0);
        Map<String, String> form = form(token.getBodyAsString());
        assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        String[] jwt = form.get("assertion").split("\\.");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key.getPublic());
        signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(signature.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("iss").asText()).isEqualTo("3MVG9writeback");
        assertThat(claims.path("sub").asText()).isEqualTo("integration@acme.example");
        assertThat(claims.path("aud").asText()).isEqualTo("https://login.salesforce.com");
        assertThat(claims.path("exp").asLong()).isEqualTo(time.instant().getEpochSecond() + 180);
    }

    @Test
    void changesGoInCollectionUpdatesAndVanishedRowsInOneDeleteByIds() {
        runs.runAndWait("sf_accounts");
        CRM.stubFor(delete(urlPathEqualTo(COLLECTIONS)).willReturn(json(200, """
                [{"id": "001-Globex", "success": true, "errors": []},
                 {"success": false, "errors": [{"statusCode": "ENTITY_IS_DELETED", "message": "entity is deleted", "fields": []}]}]""")));
        jdbc.update("UPDATE crm_src.sf_accounts SET city = 'Lyon' WHERE id = 1");
        jdbc.update("DELETE FROM crm_src.sf_accounts WHERE id IN (2, 3)");

        JsonNode run = runs.runAndWait("sf_accounts");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/deleted").asLong()).isEqualTo(2);
        CRM.verify(patchRequestedFor(urlEqualTo(COLLECTIONS)).withRequestBody(equalToJson("""
                {"allOrNone": false, "records": [
                  {"attributes": {"type": "Account"}, "id": "001-Acme", "Name": "Acme", "BillingCity": "Lyon"}]}""")));
        // Initech was deleted in Salesforce already: its delete is done all the same.
        CRM.verify(deleteRequestedFor(urlEqualTo(COLLECTIONS + "?ids=001-Globex,001-Initech&allOrNone=false")));
        assertThat(link("sf_accounts", "2")).containsEntry("status", "deleted");
        assertThat(link("sf_accounts", "3")).containsEntry("status", "deleted");
    }

    @Test
    void anUpdateOfARecordDeletedInSalesforceCreatesItAgain() {
        runs.runAndWait("sf_accounts");
        jdbc.update("UPDATE writeback.links SET target_id = '001-Acme-gone' WHERE sync = 'sf_accounts' AND source_id = '1'");
        jdbc.update("UPDATE crm_src.sf_accounts SET city = 'Lyon' WHERE id = 1");
        CRM.stubFor(post(urlEqualTo(DATA + "/sobjects/Account")).willReturn(json(201, """
                {"id": "001-Acme-again", "success": true, "errors": []}""")));

        JsonNode run = runs.runAndWait("sf_accounts");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        CRM.verify(postRequestedFor(urlEqualTo(DATA + "/sobjects/Account")).withRequestBody(equalToJson("""
                {"Name": "Acme", "BillingCity": "Lyon"}""")));
        assertThat(link("sf_accounts", "1")).containsEntry("target_id", "001-Acme-again").containsEntry("status", "success");
    }

    @Test
    void anObjectWithAnExternalIdUpsertsOnItAndARelationGivesTheParentsId() {
        runs.runAndWait("sf_accounts");

        JsonNode run = runs.runAndWait("sf_contacts");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        CRM.verify(0, postRequestedFor(urlEqualTo(COLLECTIONS)).withRequestBody(matchingJsonPath("$.records[0].attributes.type",
                equalTo("Contact"))));
        CRM.verify(patchRequestedFor(urlEqualTo(COLLECTIONS + "/Contact/External_Id__c")).withRequestBody(equalToJson("""
                {"allOrNone": false, "records": [
                  {"attributes": {"type": "Contact"}, "External_Id__c": "C-1", "LastName": "Lovelace",
                   "Email": "ada@example.com", "AccountId": "001-Acme"},
                  {"attributes": {"type": "Contact"}, "External_Id__c": "C-2", "LastName": "Hopper",
                   "Email": "grace@example.com", "AccountId": "001-Globex"},
                  {"attributes": {"type": "Contact"}, "External_Id__c": "C-3", "LastName": "Turing",
                   "Email": "alan@example.com", "AccountId": null}]}""")));
        assertThat(link("sf_contacts", "2")).containsEntry("target_id", "003-C-2");
    }

    @Test
    void aParentNamedByItsExternalIdGoesAsANestedReference() {
        runs.runAndWait("sf_contacts_by_parent_key");

        CRM.verify(patchRequestedFor(urlEqualTo(COLLECTIONS + "/Contact/External_Id__c")).withRequestBody(equalToJson("""
                {"allOrNone": false, "records": [{"attributes": {"type": "Contact"}, "External_Id__c": "C-1",
                  "LastName": "Lovelace", "Account": {"Account_Key__c": "A-1"}}]}""")));
    }

    @Test
    void matchOnQueriesSoqlWithInAndLinksWhatItFindsWhateverItsCase() {
        CRM.stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(json(200, """
                {"totalSize": 1, "done": true, "records": [
                  {"attributes": {"type": "Lead", "url": "/services/data/v64.0/sobjects/Lead/00Q-old"},
                   "Id": "00Q-old", "Email": "Ada@Example.com"}]}""")));

        JsonNode run = runs.runAndWait("sf_leads_bulk");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        LoggedRequest query = CRM.findAll(getRequestedFor(urlPathEqualTo(DATA + "/query"))).get(0);
        assertThat(query.queryParameter("q").firstValue()).isEqualTo(
                "SELECT Id, Email FROM Lead WHERE Email IN ('ada@example.com','o\\'brien@example.com','alan@example.com')");
        CRM.verify(patchRequestedFor(urlEqualTo(COLLECTIONS)).withRequestBody(matchingJsonPath("$.records[0].id", equalTo("00Q-old"))));
        assertThat(link("sf_leads_bulk", "1")).containsEntry("target_id", "00Q-old");
        assertThat(link("sf_leads_bulk", "2")).containsEntry("target_id", "00Q-O'Brien");
    }

    @Test
    void singleCallsUseTheSObjectResource() {
        CRM.stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(json(200, "{\"totalSize\": 0, \"done\": true, \"records\": []}")));
        CRM.stubFor(post(urlEqualTo(DATA + "/sobjects/Lead")).willReturn(json(201,
                "{\"id\": \"00Q-{{jsonPath request.body '$.LastName'}}\", \"success\": true, \"errors\": []}")));
        CRM.stubFor(patch(urlMatching(DATA + "/sobjects/Lead/.*")).willReturn(aResponse().withStatus(204)));
        CRM.stubFor(delete(urlMatching(DATA + "/sobjects/Lead/.*")).willReturn(aResponse().withStatus(204)));
        runs.runAndWait("sf_leads");
        jdbc.update("UPDATE crm_src.sf_leads SET company = 'Hooli' WHERE id = 1");
        jdbc.update("DELETE FROM crm_src.sf_leads WHERE id = 3");

        JsonNode run = runs.runAndWait("sf_leads");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/deleted").asLong()).isEqualTo(1);
        CRM.verify(3, postRequestedFor(urlEqualTo(DATA + "/sobjects/Lead")));
        CRM.verify(patchRequestedFor(urlEqualTo(DATA + "/sobjects/Lead/00Q-Lovelace")).withRequestBody(equalToJson("""
                {"LastName": "Lovelace", "Company": "Hooli", "Email": "ada@example.com"}""")));
        CRM.verify(deleteRequestedFor(urlEqualTo(DATA + "/sobjects/Lead/00Q-Turing")));
    }

    @Test
    void theDailyLimitRefusesTheWholeBatchOnceAndTheRecordsWaitForTheNextRun() {
        CRM.stubFor(post(urlEqualTo(COLLECTIONS)).willReturn(json(403, """
                [{"message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}]""")));

        JsonNode run = runs.runAndWait("sf_accounts");

        assertThat(run.at("/counts/failed").asLong()).isEqualTo(3);
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(1);
        assertThat(link("sf_accounts", "1").get("last_error").toString()).contains("HTTP 403").contains("REQUEST_LIMIT_EXCEEDED");
        CRM.stubFor(post(urlEqualTo(COLLECTIONS)).willReturn(aResponse().withTransformers(SalesforceEcho.NAME)));

        assertThat(runs.runAndWait("sf_accounts").at("/counts/inserted").asLong()).isEqualTo(3);
    }

    @Test
    void theOrgsDailyApiUseIsKeptForOperators() {
        CRM.stubFor(post(urlEqualTo(COLLECTIONS)).willReturn(aResponse().withTransformers(SalesforceEcho.NAME)
                .withHeader("Sforce-Limit-Info", "api-usage=18/5000")));

        runs.runAndWait("sf_accounts");

        assertThat(connections.get("salesforce").rateLimitState()).endsWith("; Sforce-Limit-Info: api-usage=18/5000");
        assertThat(meters.get("writeback.http.quota.used").tag("connection", "salesforce").gauge().value()).isEqualTo(18.0 / 5000);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return form;
    }
}
