package io.writeback.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.writeback.support.CrmDestinationTest;
import io.writeback.support.OpenApiSpec;
import io.writeback.support.SentRequests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The requests of a {@code type: zendesk} connection, against Zendesk Support's API as WireMock plays it: bulk
 * calls answered by jobs, whose status is read until they complete. Every request is checked against Zendesk's
 * published OpenAPI description.
 */
class ZendeskProfileTest extends CrmDestinationTest {

    private static final String USERS = "/api/v2/users";
    private static final String ORGANIZATIONS = "/api/v2/organizations";

    @Autowired
    private Connections connections;

    @BeforeEach
    void zendesk() {
        jdbc.execute("""
                CREATE TABLE crm_src.zd_orgs (id int, name text);
                INSERT INTO crm_src.zd_orgs VALUES (1, 'Acme'), (2, 'Globex'), (3, 'Initech');
                CREATE TABLE crm_src.zd_people (id int, name text, email text, org_id int);
                INSERT INTO crm_src.zd_people VALUES (1, 'Ada Lovelace', 'ada@example.com', 1),
                    (2, 'Bad Address', 'not-an-email', NULL), (3, 'Alan Turing', 'alan@example.com', NULL)""");
    }

    /** Every request sent to Zendesk fits Zendesk's published OpenAPI description. */
    @AfterEach
    void everyRequestFitsZendesksPublishedSpec() {
        assertThat(SentRequests.problems(CRM, "/api/v2/", request -> OpenApiSpec.ZENDESK.problems(request.getMethod().getName(),
                request.getUrl(), SentRequests.body(request)))).as("requests that do not fit Zendesk's published spec").isEmpty();
    }

    @Test
    void aJobIsReadUntilItCompletesAndEachRecordTakesItsResult() {
        organizationsCreated();
        runs.runAndWait("zd_organizations");
        startsJob(post(urlEqualTo(USERS + "/create_or_update_many")), "job-users");
        jobAnswers("job-users", """
                [{"index": 0, "id": 9001, "status": "Created"},
                 {"index": 2, "id": 9003, "status": "Updated"},
                 {"index": 1, "error": "InvalidValue", "details": "Email: not-an-email is not properly formatted"}]""");

        JsonNode run = runs.runAndWait("zd_users");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        assertThat(run.at("/counts/failed").asLong()).isEqualTo(1);
        LoggedRequest call = CRM.findAll(postRequestedFor(urlEqualTo(USERS + "/create_or_update_many"))).get(0);
        assertThat(call.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString(("agent@acme.example/token:" + ZENDESK_TOKEN).getBytes(StandardCharsets.UTF_8)));
        CRM.verify(postRequestedFor(urlEqualTo(USERS + "/create_or_update_many")).withRequestBody(equalToJson("""
                {"users": [
                  {"name": "Ada Lovelace", "email": "ada@example.com", "external_id": "U-1", "organization_id": 8001},
                  {"name": "Bad Address", "email": "not-an-email", "external_id": "U-2", "organization_id": null},
                  {"name": "Alan Turing", "email": "alan@example.com", "external_id": "U-3", "organization_id": null}]}""")));
        // The job was read twice: working, then completed, the connection's poll interval apart.
        CRM.verify(2, getRequestedFor(urlEqualTo("/api/v2/job_statuses/job-users")));
        assertThat(time.waits()).contains(Duration.ofSeconds(2));
        assertThat(link("zd_users", "1")).containsEntry("target_id", "9001");
        assertThat(link("zd_users", "3")).containsEntry("target_id", "9003");
        assertThat(link("zd_users", "2")).containsEntry("status", "error").containsEntry("last_error",
                "the bulk answer refused this record: InvalidValue (Email: not-an-email is not properly formatted)");
        assertThat(run.at("/counts/httpCalls").asLong()).isEqualTo(3);
    }

    @Test
    void organizationsAreCreatedUpdatedAndDeletedInJobs() {
        organizationsCreated();
        runs.runAndWait("zd_organizations");
        CRM.verify(postRequestedFor(urlEqualTo(ORGANIZATIONS + "/create_many")).withRequestBody(equalToJson("""
                {"organizations": [{"name": "Acme", "external_id": "O-1"}, {"name": "Globex", "external_id": "O-2"},
                                   {"name": "Initech", "external_id": "O-3"}]}""", true, false)));
        assertThat(link("zd_organizations", "2")).containsEntry("target_id", "8002");
        startsJob(put(urlEqualTo(ORGANIZATIONS + "/update_many")), "job-update");
        jobAnswers("job-update", "[{\"id\": 8001, \"action\": \"update\", \"status\": \"Updated\", \"success\": true}]");
        startsJob(delete(urlPathEqualTo(ORGANIZATIONS + "/destroy_many")), "job-delete");
        jobAnswers("job-delete", """
                [{"id": 8002, "action": "delete", "status": "Deleted", "success": true},
                 {"id": 8003, "action": "delete", "status": "Deleted", "success": true}]""");
        jdbc.update("UPDATE crm_src.zd_orgs SET name = 'Acme Corp' WHERE id = 1");
        jdbc.update("DELETE FROM crm_src.zd_orgs WHERE id IN (2, 3)");

        JsonNode run = runs.runAndWait("zd_organizations");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/deleted").asLong()).isEqualTo(2);
        CRM.verify(putRequestedFor(urlEqualTo(ORGANIZATIONS + "/update_many")).withRequestBody(equalToJson("""
                {"organizations": [{"id": 8001, "name": "Acme Corp", "external_id": "O-1"}]}""")));
        CRM.verify(deleteRequestedFor(urlEqualTo(ORGANIZATIONS + "/destroy_many?ids=8002,8003")));
    }

    @Test
    void matchOnTheExternalIdFindsRecordsWithShowMany() {
        organizationsCreated();
        CRM.stubFor(get(urlPathEqualTo(ORGANIZATIONS + "/show_many")).atPriority(1).willReturn(json(200, """
                {"organizations": [{"id": 7001, "name": "Acme", "external_id": "o-1"}]}""")));
        startsJob(put(urlEqualTo(ORGANIZATIONS + "/update_many")), "job-update");
        jobAnswers("job-update", "[{\"id\": 7001, \"action\": \"update\", \"status\": \"Updated\", \"success\": true}]");

        JsonNode run = runs.runAndWait("zd_organizations");

        assertThat(run.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(2);
        CRM.verify(getRequestedFor(urlEqualTo(ORGANIZATIONS + "/show_many?external_ids=O-1%2CO-2%2CO-3")));
        assertThat(link("zd_organizations", "1")).containsEntry("target_id", "7001");
    }

    @Test
    void aFailedJobFailsItsRecordsAsPossiblyWritten() {
        CRM.stubFor(get(urlPathEqualTo(ORGANIZATIONS + "/show_many")).willReturn(json(200, "{\"organizations\": []}")));
        startsJob(post(urlEqualTo(ORGANIZATIONS + "/create_many")), "job-orgs");
        CRM.stubFor(get(urlEqualTo("/api/v2/job_statuses/job-orgs")).willReturn(json(200, """
                {"job_status": {"id": "job-orgs", "status": "failed", "message": "Too many jobs queued"}}""")));

        JsonNode run = runs.runAndWait("zd_organizations");

        assertThat(run.at("/counts/inserted").asLong()).isZero();
        // The job may have done part of its work: the records stay pending, to be found by external id or sent again.
        assertThat(link("zd_organizations", "1")).containsEntry("status", "pending");
        assertThat(link("zd_organizations", "1").get("last_error").toString()).startsWith("the job job-orgs ended failed: ")
                .contains("Too many jobs queued");
    }

    @Test
    void aRateLimitedCallWaitsAsZendeskSaysAndTheLimitIsThePlans() {
        organizationsCreated();
        CRM.stubFor(post(urlEqualTo(ORGANIZATIONS + "/create_many")).inScenario("limit").whenScenarioStateIs(STARTED).atPriority(1)
                .willReturn(json(429, "{\"error\": \"TooManyRequests\"}").withHeader("Retry-After", "7")).willSetStateTo("open"));

        JsonNode run = runs.runAndWait("zd_organizations");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(3);
        assertThat(time.waitedInAll()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(connections.get("zendesk").rateLimitState()).contains("of 400 calls in the last PT1M");
    }

    /** Organizations' creates start a job whose results give them the ids 8001 to 8003, by their index. */
    private void organizationsCreated() {
        CRM.stubFor(get(urlPathEqualTo(ORGANIZATIONS + "/show_many")).willReturn(json(200, "{\"organizations\": []}")));
        startsJob(post(urlEqualTo(ORGANIZATIONS + "/create_many")), "job-orgs");
        jobAnswers("job-orgs", """
                [{"index": 0, "id": 8001}, {"index": 1, "id": 8002}, {"index": 2, "id": 8003}]""");
    }

    private static void startsJob(com.github.tomakehurst.wiremock.client.MappingBuilder call, String job) {
        CRM.stubFor(call.willReturn(json(200, """
                {"job_status": {"id": "%s", "status": "queued", "url": "https://acme.zendesk.com/api/v2/job_statuses/%s.json"}}"""
                .formatted(job, job))));
    }

    /** The job's status: working when first read, then completed with {@code results}. */
    private static void jobAnswers(String job, String results) {
        String status = "/api/v2/job_statuses/" + job;
        CRM.stubFor(get(urlEqualTo(status)).inScenario(job).whenScenarioStateIs(STARTED)
                .willReturn(json(200, "{\"job_status\": {\"id\": \"" + job + "\", \"status\": \"working\", \"progress\": 1}}"))
                .willSetStateTo("done"));
        CRM.stubFor(get(urlEqualTo(status)).inScenario(job).whenScenarioStateIs("done")
                .willReturn(json(200, "{\"job_status\": {\"id\": \"" + job + "\", \"status\": \"completed\", \"results\": " + results
                        + "}}")));
    }
}
