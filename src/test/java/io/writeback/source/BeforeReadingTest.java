package io.writeback.source;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.CrmDestinationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What runs before a sync reads: a refresh on the warehouse, an upstream job waited for; their failures fail the run first. */
class BeforeReadingTest extends CrmDestinationTest {

    private static final String JOB_STATUS = "/crm/v1/jobs/runs/r7";

    @BeforeEach
    void setUp() {
        accounts();
        CRM.stubFor(post(urlEqualTo("/crm/v1/jobs/nightly/run")).willReturn(json(201, "{\"run\": {\"id\": \"r7\"}}")));
    }

    @Test
    void aMaterializedViewIsRefreshedBeforeTheRunReadsIt() {
        jdbc.execute("CREATE MATERIALIZED VIEW crm_src.accounts_mv AS SELECT id, name FROM crm_src.accounts");
        runs.runAndWait("accounts_mv");
        jdbc.update("INSERT INTO crm_src.accounts (id, name) VALUES (5, 'E')");

        JsonNode run = runs.runAndWait("accounts_mv");

        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(1);
        assertThat(run.get("before").asText()).startsWith("beforeSql ran in ");
        JsonNode preview = http.getForObject("/api/syncs/accounts_mv/preview", JsonNode.class);
        assertThat(preview.get("findings").get(0).asText()).isEqualTo("before reading, a run runs the SQL REFRESH MATERIALIZED VIEW "
                + "crm_src.accounts_mv (not run by a preview)");
    }

    @Test
    void aRunWaitsForItsUpstreamJobToReportDone() {
        CRM.stubFor(get(urlEqualTo(JOB_STATUS)).inScenario("job").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "{\"run\": {\"state\": \"running\"}}")).willSetStateTo("done"));
        CRM.stubFor(get(urlEqualTo(JOB_STATUS)).inScenario("job").whenScenarioStateIs("done")
                .willReturn(json(200, "{\"run\": {\"state\": \"success\"}}")));

        JsonNode run = runs.runAndWait("accounts_job");

        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.at("/counts/inserted").asLong()).isEqualTo(4);
        assertThat(run.get("before").asText()).isEqualTo("job nightly run r7 success after 2 status call(s)");
        CRM.verify(1, postRequestedFor(urlEqualTo("/crm/v1/jobs/nightly/run")));
        CRM.verify(2, getRequestedFor(urlEqualTo(JOB_STATUS)));
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void aFailedUpstreamJobFailsTheRunWithNothingSent() {
        CRM.stubFor(get(urlEqualTo(JOB_STATUS)).willReturn(json(200, "{\"run\": {\"state\": \"error\"}}")));

        JsonNode run = runs.runAndWait("accounts_job");

        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).isEqualTo("sync accounts_job: before reading, the job nightly (run r7) failed: "
                + "its status is error");
        assertThat(run.at("/counts/rowsRead").asLong()).isZero();
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")));
    }

    @Test
    void anUpstreamJobThatDoesNotFinishInTimeFailsTheRunWithNothingSent() {
        CRM.stubFor(get(urlEqualTo(JOB_STATUS)).willReturn(json(200, "{\"run\": {\"state\": \"running\"}}")));

        JsonNode run = runs.runAndWait("accounts_job");

        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).isEqualTo("sync accounts_job: before reading, the job nightly (run r7) did not "
                + "finish within PT1M (last status: running)");
        CRM.verify(6, getRequestedFor(urlEqualTo(JOB_STATUS)));
        CRM.verify(0, postRequestedFor(urlEqualTo("/crm/v1/accounts")));
    }
}
