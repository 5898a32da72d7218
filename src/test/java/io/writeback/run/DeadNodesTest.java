package io.writeback.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.cluster.ClusterNode;
import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Another node of the demo's database that died mid-run, as this node finds it on a heartbeat. */
class DeadNodesTest extends WritebackIntegrationTest {

    @Autowired
    ClusterNode node;

    @Autowired
    LeftoverRuns leftovers;

    @AfterEach
    void forgetTheOtherNodes() {
        jdbc.update("DELETE FROM writeback.nodes WHERE id IN ('ghost', 'gone')");
    }

    @Test
    void aDeadNodesRunIsClosedItsClaimDroppedAndItsSyncRunAgainHere() {
        jdbc.update("""
                INSERT INTO writeback.nodes (id, started_at, heartbeat_at) VALUES ('ghost', now() - interval '1 hour',
                    now() - interval '1 minute') ON CONFLICT (id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at""");
        long ghostRun = jdbc.queryForObject("""
                INSERT INTO writeback.runs (sync, trigger, status, node, started_at) VALUES ('companies', 'schedule', 'running',
                    'ghost', now()) RETURNING id""", Long.class);
        jdbc.update("INSERT INTO writeback.run_claims (kind, name, holder, run_id, node) VALUES ('sync', 'companies', "
                + "'companies', ?, 'ghost')", ghostRun);
        jdbc.update("INSERT INTO writeback.intents (sync, run_id, source_ids, intent_keys) VALUES ('companies', ?, "
                + "ARRAY['1'], ARRAY['companies:1:k'])", ghostRun);

        leftovers.closeRunsOfDeadNodes();

        JsonNode closed = http.getForObject("/api/runs/{id}", JsonNode.class, ghostRun);
        assertThat(closed.get("status").asText()).isEqualTo("interrupted");
        assertThat(closed.get("error").asText()).isEqualTo("its node ghost stopped, or stopped answering, before the run ended");
        assertThat(closed.get("node").asText()).isEqualTo("ghost");
        JsonNode recovery = await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject(
                "/api/syncs/companies/runs?limit=1", JsonNode.class).get(0), run -> run.get("id").asLong() != ghostRun
                        && run.get("status").asText().equals("succeeded"));
        assertThat(recovery.get("trigger").asText()).isEqualTo("recovery");
        assertThat(recovery.get("node").asText()).isEqualTo(node.id());
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT data->>'warehouse_id') FROM sandbox.records WHERE object = "
                + "'companies'", Integer.class)).isEqualTo(60);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.intents", Integer.class)).isZero();
    }

    @Test
    void theClusterListsEveryNodeWithItsStateToViewersOnly() {
        jdbc.update("""
                INSERT INTO writeback.nodes (id, started_at, heartbeat_at, stopped_at) VALUES ('gone', now(), now(), now())
                ON CONFLICT (id) DO UPDATE SET stopped_at = now()""");

        JsonNode cluster = TestUsers.VIEWER.on(anonymous).getForObject("/api/cluster", JsonNode.class);

        assertThat(cluster.get("node").asText()).isEqualTo(node.id());
        assertThat(cluster.at("/nodes/0/id").asText()).isEqualTo(node.id());
        assertThat(cluster.at("/nodes/0/state").asText()).isEqualTo("alive");
        assertThat(cluster.at("/nodes/0/self").asBoolean()).isTrue();
        assertThat(cluster.get("nodes").findValuesAsText("state")).contains("stopped");
        assertThat(cluster.get("liveNodes").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(anonymous.getForEntity("/api/cluster", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
