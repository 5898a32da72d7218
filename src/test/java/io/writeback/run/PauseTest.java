package io.writeback.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.TestUsers;
import io.writeback.support.Triggers;
import io.writeback.support.WritebackIntegrationTest;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Pausing a sync or a group: kept in the state database, honoured by schedules, groups and run-now; and
 * schedules turned off, which no trigger firing overrides.
 */
class PauseTest extends WritebackIntegrationTest {

    @Autowired
    CamelContext camel;

    @Test
    void aPausedSyncIsLeftAloneByItsScheduleAndRunNowUntilResumed() throws Exception {
        JsonNode paused = TestUsers.OPERATOR.on(anonymous).postForObject("/api/syncs/companies/pause",
                Map.of("reason", "CRM migration"), JsonNode.class);

        assertThat(paused.at("/paused/by").asText()).isEqualTo("operator");
        assertThat(paused.at("/paused/reason").asText()).isEqualTo("CRM migration");
        ResponseEntity<JsonNode> runNow = http.postForEntity("/api/syncs/companies/runs", null, JsonNode.class);
        assertThat(runNow.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(runNow.getBody().get("detail").asText()).startsWith("sync 'companies' is paused by operator since ")
                .endsWith(": CRM migration; resume it with POST /api/syncs/companies/resume");
        assertThat(http.postForEntity("/api/syncs/companies/resync", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        Triggers.fire(camel, "companies");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.runs", Long.class)).isZero();
        assertThat(http.getForObject("/api/syncs", JsonNode.class).findValues("paused")).anyMatch(p -> !p.isNull());

        JsonNode resumed = http.postForObject("/api/syncs/companies/resume", null, JsonNode.class);

        assertThat(resumed.get("paused").isNull()).isTrue();
        assertThat(runAndWait("companies").get("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void aGroupSkipsAPausedSyncAndAPausedGroupDoesNotRun() throws Exception {
        http.postForObject("/api/syncs/contacts/pause", null, JsonNode.class);

        Triggers.fire(camel, "demo_nightly");

        assertThat(jdbc.queryForList("SELECT sync FROM writeback.runs", String.class)).containsExactly("companies");
        http.postForObject("/api/syncs/contacts/resume", null, JsonNode.class);
        JsonNode group = http.postForObject("/api/groups/demo_nightly/pause", Map.of("reason", "month end"), JsonNode.class);
        assertThat(group.at("/paused/reason").asText()).isEqualTo("month end");
        assertThat(http.postForEntity("/api/groups/demo_nightly/runs", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        Triggers.fire(camel, "demo_nightly");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.runs", Long.class)).isEqualTo(1);
        http.postForObject("/api/groups/demo_nightly/resume", null, JsonNode.class);
    }

    @Test
    void aTriggerThatFiresWhileSchedulesAreOffStartsNothing() throws Exception {
        Triggers.fire(camel, "companies", Map.of("fireTime", new java.util.Date()));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.runs", Long.class)).isZero();
    }

    @Test
    void onlyOperatorsPause() {
        assertThat(TestUsers.VIEWER.on(anonymous).postForEntity("/api/syncs/companies/pause", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.postForEntity("/api/groups/demo_nightly/pause", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.pauses", Long.class)).isZero();
    }
}
