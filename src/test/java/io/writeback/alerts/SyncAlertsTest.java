package io.writeback.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.writeback.support.CrmDestinationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Alerts once per change of a sync's state, to a JSON webhook, a Slack webhook and by mail, with no secret in them. */
class SyncAlertsTest extends CrmDestinationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    SyncAlerts alerts;

    @BeforeEach
    void setUp() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        accounts();
        CRM.stubFor(post(urlPathEqualTo("/hooks/json")).willReturn(aResponse().withStatus(204)));
        CRM.stubFor(post(urlPathEqualTo("/hooks/slack")).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void oneAlertPerChangeOfStateNotPerRun() throws Exception {
        CRM.stubFor(post(urlEqualTo("/crm/v1/accounts")).atPriority(1).willReturn(json(422, "{\"error\": \"name taken\"}")));

        runs.runAndWait("alerted");
        runs.runAndWait("alerted");
        CRM.removeStub(CRM.getStubMappings().stream().filter(stub -> Integer.valueOf(1).equals(stub.getPriority())).findFirst()
                .orElseThrow());
        createsAnswerIdFrom("accounts", null, "name");
        jdbc.update("UPDATE crm_src.accounts SET updated_at = updated_at + interval '1 day'");
        runs.runAndWait("alerted");

        List<LoggedRequest> hooks = await().atMost(Duration.ofSeconds(20))
                .until(() -> CRM.findAll(postRequestedFor(urlPathEqualTo("/hooks/json"))), sent -> sent.size() >= 2);
        JsonNode failing = JSON.readTree(hooks.get(0).getBodyAsString());
        JsonNode recovered = JSON.readTree(hooks.get(1).getBodyAsString());
        assertThat(hooks).hasSize(2);
        assertThat(failing.get("state").asText()).isEqualTo("errors");
        assertThat(failing.get("previousState").asText()).isEqualTo("ok");
        assertThat(failing.at("/counts/failed").asLong()).isEqualTo(4);
        assertThat(failing.at("/firstErrors/0").asText()).startsWith("source id 1: HTTP 422 from POST ");
        assertThat(failing.get("link").asText()).startsWith("https://writeback.example/api/runs/");
        assertThat(recovered.get("state").asText()).isEqualTo("ok");
        assertThat(recovered.get("title").asText()).startsWith("Writeback: sync alerted recovered (was errors): run ");
        assertThat(CRM.findAll(postRequestedFor(urlPathEqualTo("/hooks/slack")))).hasSize(2)
                .allSatisfy(slack -> assertThat(JSON.readTree(slack.getBodyAsString()).get("text").asText()).startsWith("Writeback: sync alerted "));
        MimeMessage[] mails = await().atMost(Duration.ofSeconds(20)).until(SMTP::getReceivedMessages, received -> received.length >= 2);
        assertThat(mails).hasSize(2);
        assertThat(mails[0].getSubject()).startsWith("Writeback: sync alerted completed with errors (was ok): run ")
                .contains("failed 4");
        for (LoggedRequest hook : hooks) {
            assertThat(hook.getBodyAsString()).doesNotContain(TOKEN).doesNotContain("hook-s3cret");
        }
        for (MimeMessage mail : mails) {
            assertThat(mail.getContent().toString()).doesNotContain(TOKEN);
        }
    }

    @Test
    void aSyncWithoutASuccessWithinItsThresholdIsStaleOnce() {
        jdbc.update("INSERT INTO writeback.runs (sync, trigger, status, queued_at, started_at, finished_at) VALUES "
                + "('alerted', 'schedule', 'succeeded', '2026-01-01T00:00Z', '2026-01-01T00:00Z', '2026-01-01T00:01Z')");

        alerts.checkStale();
        alerts.checkStale();

        List<LoggedRequest> hooks = await().atMost(Duration.ofSeconds(20))
                .until(() -> CRM.findAll(postRequestedFor(urlPathEqualTo("/hooks/json"))), sent -> !sent.isEmpty());
        assertThat(hooks).hasSize(1);
        assertThat(hooks.get(0).getBodyAsString()).contains("\"state\":\"stale\"");
    }
}
