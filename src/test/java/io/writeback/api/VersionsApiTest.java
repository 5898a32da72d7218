package io.writeback.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sync's versions, the run's version, what operators did to it, and a diff between two versions. */
class VersionsApiTest extends WritebackIntegrationTest {

    @Test
    void versionsEventsAndDiffs() {
        long first = jdbc.queryForObject("SELECT max(id) FROM writeback.sync_versions WHERE sync = 'companies'", Long.class);
        String text = jdbc.queryForObject("SELECT content FROM writeback.sync_versions WHERE id = ?", String.class, first);
        long second = jdbc.queryForObject("""
                INSERT INTO writeback.sync_versions (sync, file, content, hash, note, author)
                VALUES ('companies', 'routes/demo/companies.camel.yaml', ?, 'h2', 'every 10 minutes', 'Ada') RETURNING id""",
                Long.class, text.replace("cron: \"0/30 * * * * ?\"", "cron: \"0 0/10 * * * ?\""));
        try {
            TestUsers.OPERATOR.on(anonymous).postForObject("/api/syncs/companies/pause", Map.of("reason", "audit me"), JsonNode.class);
            TestUsers.OPERATOR.on(anonymous).postForObject("/api/syncs/companies/resume", null, JsonNode.class);

            assertHistory(first, second);
        } finally {
            jdbc.update("DELETE FROM writeback.sync_versions WHERE id = ?", second);
        }
    }

    private void assertHistory(long first, long second) {
        JsonNode history = TestUsers.VIEWER.on(anonymous).getForObject("/api/syncs/companies/versions", JsonNode.class);
        String diff = TestUsers.VIEWER.on(anonymous).getForObject("/api/syncs/companies/versions/diff?from={a}&to={b}", String.class,
                first, second);
        JsonNode run = runAndWait("companies");

        assertThat(history.at("/versions/0/id").asLong()).isEqualTo(second);
        assertThat(history.at("/versions/0/note").asText()).isEqualTo("every 10 minutes");
        assertThat(history.at("/versions/0/author").asText()).isEqualTo("Ada");
        assertThat(history.at("/versions/0/content").isNull()).isTrue();
        assertThat(history.at("/events/0/action").asText()).isEqualTo("resumed");
        assertThat(history.at("/events/1/action").asText()).isEqualTo("paused");
        assertThat(history.at("/events/1/author").asText()).isEqualTo("operator");
        assertThat(history.at("/events/1/note").asText()).isEqualTo("audit me");
        assertThat(diff).contains("\n-         cron: \"0/30 * * * * ?\"\n+         cron: \"0 0/10 * * * ?\"\n");
        assertThat(run.get("syncVersion").asLong()).isEqualTo(second);
    }
}
