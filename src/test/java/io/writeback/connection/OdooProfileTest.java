package io.writeback.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.OdooDocs;
import io.writeback.support.OdooEcho;
import io.writeback.support.OdooRpcEcho;
import io.writeback.support.SentRequests;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests of a {@code type: odoo} connection, against Odoo's external JSON-2 API as WireMock plays it; every
 * request is checked against Odoo's reference of that API.
 */
class OdooProfileTest extends CrmDestinationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARTNERS = "/json/2/res.partner/";

    @BeforeEach
    void odoo() {
        jdbc.execute("""
                CREATE TABLE crm_src.odoo_companies (id int, name text, vat text);
                INSERT INTO crm_src.odoo_companies VALUES (1, 'Acme', 'BE0477472701'), (2, 'Globex', 'NL123456789B01'),
                    (3, 'Initech', 'DE136695976');
                CREATE TABLE crm_src.odoo_people (id int, name text, email text, company_id int);
                INSERT INTO crm_src.odoo_people VALUES (1, 'Ada Lovelace', 'ada@example.com', 1), (2, 'Alan Turing', 'alan@example.com', NULL)""");
        CRM.stubFor(post(urlEqualTo(PARTNERS + "create")).willReturn(aResponse().withTransformers(OdooEcho.NAME)));
        CRM.stubFor(post(urlEqualTo(PARTNERS + "search_read")).willReturn(json(200, "[]")));
        CRM.stubFor(post(urlEqualTo(PARTNERS + "write")).willReturn(json(200, "true")));
        CRM.stubFor(post(urlEqualTo(PARTNERS + "unlink")).willReturn(json(200, "true")));
    }

    /** Every request sent to Odoo is shaped as the JSON-2 API's reference documents. */
    @AfterEach
    void everyRequestIsShapedAsTheReferenceSays() {
        assertThat(SentRequests.problems(CRM, "/json", request -> request.getUrl().startsWith("/jsonrpc")
                ? OdooDocs.rpcProblems(request.getMethod().getName(), request.getUrl(), request.getBodyAsString())
                : OdooDocs.problems(request.getMethod().getName(), request.getUrl(), headers(request), request.getBodyAsString())))
                .as("requests unlike the external API's reference").isEmpty();
    }

    private static Map<String, String> headers(LoggedRequest request) {
        return request.getHeaders().all().stream().collect(Collectors.toMap(HttpHeader::key, HttpHeader::firstValue, (a, b) -> a));
    }

    @Test
    void createsGoInOneCallOfValuesAndTheIdsComeBackInOrder() {
        JsonNode run = runs.runAndWait("odoo_companies");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        LoggedRequest create = CRM.findAll(postRequestedFor(urlEqualTo(PARTNERS + "create"))).get(0);
        assertThat(create.getHeader("Authorization")).isEqualTo("Bearer " + ODOO_KEY);
        assertThat(create.getHeader("X-Odoo-Database")).isEqualTo("acme");
        CRM.verify(postRequestedFor(urlEqualTo(PARTNERS + "create")).withRequestBody(equalToJson("""
                {"vals_list": [
                  {"ref": "W-1", "name": "Acme", "vat": "BE0477472701", "is_company": true},
                  {"ref": "W-2", "name": "Globex", "vat": "NL123456789B01", "is_company": true},
                  {"ref": "W-3", "name": "Initech", "vat": "DE136695976", "is_company": true}]}""", true, false)));
        assertThat(link("odoo_companies", "1")).containsEntry("target_id", "7001");
        assertThat(link("odoo_companies", "3")).containsEntry("target_id", "7003");
    }

    @Test
    void matchOnSearchesManyValuesAtOnceWithIn() {
        CRM.stubFor(post(urlEqualTo(PARTNERS + "search_read")).atPriority(1).willReturn(json(200, """
                [{"id": 42, "vat": "BE0477472701"}]""")));

        JsonNode run = runs.runAndWait("odoo_companies");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        CRM.verify(postRequestedFor(urlEqualTo(PARTNERS + "search_read")).withRequestBody(matchingJsonPath("$.domain[0][1]",
                equalTo("in"))).withRequestBody(matchingJsonPath("$.fields", equalToJson("[\"vat\"]"))));
        CRM.verify(postRequestedFor(urlEqualTo(PARTNERS + "write")).withRequestBody(equalToJson("""
                {"ids": [42], "vals": {"ref": "W-1", "name": "Acme", "vat": "BE0477472701", "is_company": true}}""")));
        assertThat(link("odoo_companies", "1")).containsEntry("target_id", "42");
    }

    @Test
    void changesAreWrittenOneRecordACallAndVanishedRowsUnlinkedTogether() {
        runs.runAndWait("odoo_companies");
        jdbc.update("UPDATE crm_src.odoo_companies SET name = 'Acme Corp' WHERE id = 1");
        jdbc.update("DELETE FROM crm_src.odoo_companies WHERE id IN (2, 3)");

        JsonNode run = runs.runAndWait("odoo_companies");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/deleted").asLong()).isEqualTo(2);
        CRM.verify(postRequestedFor(urlEqualTo(PARTNERS + "write")).withRequestBody(equalToJson("""
                {"ids": [7001], "vals": {"ref": "W-1", "name": "Acme Corp", "vat": "BE0477472701", "is_company": true}}""")));
        CRM.verify(postRequestedFor(urlEqualTo(PARTNERS + "unlink")).withRequestBody(equalToJson("{\"ids\": [7002, 7003]}")));
    }

    @Test
    void aRecordDeletedInOdooIsCreatedAgainAndAnUnlinkOfOneIsDone() {
        runs.runAndWait("odoo_companies");
        String missing = """
                {"name": "odoo.exceptions.MissingError", "message": "Record does not exist or has been deleted.",
                 "arguments": ["Record does not exist or has been deleted."], "context": {}}""";
        CRM.stubFor(post(urlEqualTo(PARTNERS + "write")).willReturn(json(422, missing)));
        CRM.stubFor(post(urlEqualTo(PARTNERS + "unlink")).willReturn(json(422, missing)));
        jdbc.update("UPDATE crm_src.odoo_companies SET name = 'Acme Corp' WHERE id = 1");
        jdbc.update("DELETE FROM crm_src.odoo_companies WHERE id = 3");

        JsonNode run = runs.runAndWait("odoo_companies");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/deleted").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/failed").asLong()).isZero();
        assertThat(link("odoo_companies", "1")).containsEntry("status", "success").containsEntry("target_id", "7001");
        CRM.verify(2, postRequestedFor(urlEqualTo(PARTNERS + "create")));
    }

    @Test
    void aRecordOdooRefusesFailsAloneWithOdoosErrorWhileTheOthersAreCreated() {
        jdbc.update("UPDATE crm_src.odoo_companies SET vat = 'INVALID' WHERE id = 2");

        JsonNode run = runs.runAndWait("odoo_companies");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(link("odoo_companies", "2").get("last_error").toString()).startsWith("HTTP 422 from POST ")
                .contains("odoo.exceptions.ValidationError").contains("does not seem to be valid");
        assertThat(link("odoo_companies", "3")).containsEntry("target_id", "7003");
    }

    @Test
    void beforeOdoo19TheSameCallsGoAsJsonRpcExecuteKwAfterOneLogin() throws Exception {
        CRM.stubFor(post(urlEqualTo("/jsonrpc")).willReturn(aResponse().withTransformers(OdooRpcEcho.NAME)));
        jdbc.update("UPDATE crm_src.odoo_companies SET vat = 'INVALID' WHERE id = 2");

        JsonNode run = runs.runAndWait("odoo_companies_rpc");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        List<JsonNode> calls = new java.util.ArrayList<>();
        for (LoggedRequest request : CRM.findAll(postRequestedFor(urlEqualTo("/jsonrpc")))) {
            calls.add(JSON.readTree(request.getBodyAsString()).get("params"));
            assertThat(request.getHeader("Authorization")).as("the key travels in the call, not in a header").isNull();
        }
        assertThat(calls.get(0)).isEqualTo(JSON.readTree("""
                {"service": "common", "method": "login", "args": ["acme", "bot@acme.example", "%s"]}""".formatted(ODOO_KEY)));
        assertThat(calls).filteredOn(call -> call.path("service").asText().equals("common")).hasSize(1);
        JsonNode search = calls.get(1);
        assertThat(search.path("method").asText()).isEqualTo("execute_kw");
        assertThat(search.at("/args/5/0/0/2")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("BE0477472701", "INVALID", "DE136695976");
        ((com.fasterxml.jackson.databind.node.ArrayNode) search.at("/args/5/0/0")).remove(2);
        assertThat(search.get("args")).isEqualTo(JSON.readTree("""
                ["acme", 2, "%s", "res.partner", "search_read", [[["vat", "in"]]], {"fields": ["vat"]}]""".formatted(ODOO_KEY)));
        assertThat(link("odoo_companies_rpc", "3")).containsEntry("target_id", "7003");
        assertThat(link("odoo_companies_rpc", "2").get("last_error").toString()).startsWith("HTTP 200 from POST ")
                .contains("carrying a JSON-RPC error").contains("odoo.exceptions.ValidationError").doesNotContain(ODOO_KEY);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.dead_letters WHERE request_body LIKE ?", Integer.class,
                "%" + ODOO_KEY + "%")).as("dead letters keep no key").isZero();
    }

    @Test
    void aRateLimitedCallWaitsWhatOdoosHostingSays() {
        CRM.stubFor(post(urlEqualTo(PARTNERS + "create")).inScenario("limit").whenScenarioStateIs(STARTED).atPriority(1)
                .willReturn(json(429, "{\"name\": \"werkzeug.exceptions.TooManyRequests\", \"message\": \"Too Many Requests\"}")
                        .withHeader("Retry-After", "5")).willSetStateTo("open"));

        JsonNode run = runs.runAndWait("odoo_companies");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(time.waitedInAll()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(5));
        CRM.verify(2, postRequestedFor(urlEqualTo(PARTNERS + "create")));
    }

    @Test
    void aContactsCompanyIsItsParentIdANumber() {
        runs.runAndWait("odoo_companies");
        CRM.resetRequests();

        runs.runAndWait("odoo_contacts");

        CRM.verify(postRequestedFor(urlEqualTo(PARTNERS + "create")).withRequestBody(equalToJson("""
                {"vals_list": [
                  {"ref": "W-101", "name": "Ada Lovelace", "email": "ada@example.com", "parent_id": 7001},
                  {"ref": "W-102", "name": "Alan Turing", "email": "alan@example.com", "parent_id": null}]}""", true, false)));
        assertThat(link("odoo_contacts", "2")).containsEntry("target_id", "7102");
    }
}
