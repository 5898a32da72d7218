package io.writeback.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.run.ActiveRuns;
import io.writeback.support.TestUsers;
import io.writeback.support.Triggers;
import io.writeback.support.WritebackIntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The demo's group runs companies, then the contacts that refer to them, each to its end; on schedule or through the API. */
class SyncGroupTest extends WritebackIntegrationTest {

    @Autowired
    CamelContext camel;

    @Autowired
    ActiveRuns activeRuns;

    @Test
    void theGroupRunsCompaniesThenContactsSoNoContactWaits() throws Exception {
        Triggers.fire(camel, "demo_nightly");

        List<Map<String, Object>> runs = jdbc.queryForList(
                "SELECT sync, trigger, status, inserted, waiting, started_at, finished_at FROM writeback.runs ORDER BY id");
        assertThat(runs).extracting(run -> run.get("sync")).containsExactly("companies", "contacts");
        assertThat(runs).allSatisfy(run -> assertThat(run).containsEntry("trigger", "group").containsEntry("status", "succeeded"));
        assertThat(runs.get(1)).containsEntry("inserted", 300L).containsEntry("waiting", 0L);
        OffsetDateTime companiesEnded = jdbc.queryForObject("SELECT finished_at FROM writeback.runs WHERE sync = 'companies'",
                OffsetDateTime.class);
        OffsetDateTime contactsStarted = jdbc.queryForObject("SELECT started_at FROM writeback.runs WHERE sync = 'contacts'",
                OffsetDateTime.class);
        assertThat(contactsStarted).isAfterOrEqualTo(companiesEnded);
    }

    @Test
    void theApiListsGroupsWithTheirSyncsAndRunsOneOnDemandForOperators() {
        ResponseEntity<JsonNode> started = TestUsers.OPERATOR.on(anonymous).postForEntity("/api/groups/demo_nightly/runs", null,
                JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody().get("syncs").toString()).isEqualTo("[\"companies\",\"contacts\"]");
        JsonNode group = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.getForObject("/api/groups/demo_nightly", JsonNode.class),
                        g -> !g.get("running").asBoolean() && g.at("/syncs/1/lastGroupRun/status").isTextual()
                                && !g.at("/syncs/1/lastGroupRun/status").asText().matches("queued|running"));
        assertThat(group.get("schedule").asText()).isNotBlank();
        assertThat(group.at("/syncs/0/name").asText()).isEqualTo("companies");
        assertThat(group.at("/syncs/0/lastGroupRun/status").asText()).isEqualTo("succeeded");
        assertThat(group.at("/syncs/1/lastGroupRun/status").asText()).isEqualTo("succeeded");
        assertThat(group.at("/syncs/1/lastGroupRun/trigger").asText()).isEqualTo("group");
        JsonNode listed = TestUsers.VIEWER.on(anonymous).getForObject("/api/groups", JsonNode.class);
        assertThat(listed.findValuesAsText("name")).contains("demo_nightly");
    }

    @Test
    void runningAGroupIsRefusedToViewersAndAnonymousCallersWhileItRunsAndForUnknownGroups() {
        assertThat(TestUsers.VIEWER.on(anonymous).postForEntity("/api/groups/demo_nightly/runs", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.postForEntity("/api/groups/demo_nightly/runs", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getForEntity("/api/groups", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/api/groups/nightly_typo/runs", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(activeRuns.claimGroup("demo_nightly")).isTrue();
        try {
            ResponseEntity<String> busy = http.postForEntity("/api/groups/demo_nightly/runs", null, String.class);
            assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(busy.getBody()).contains("group 'demo_nightly' is already running");
        } finally {
            activeRuns.releaseGroup("demo_nightly");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.runs", Long.class)).isZero();
    }
}
