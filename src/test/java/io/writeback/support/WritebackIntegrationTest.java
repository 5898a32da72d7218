package io.writeback.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the tests that run Writeback whole: real embedded PostgreSQL, real Camel routes from
 * {@code routes/}, real HTTP. Schedules are off; tests start runs through the API. Every test starts
 * from empty state and freshly seeded demo warehouse tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "writeback.schedules.enabled=false",
        "writeback.embedded-db.clean=true",
        "writeback.embedded-db.data-dir=target/test-db/demo",
        "writeback.demo.enabled=true"})
public abstract class WritebackIntegrationTest {

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

    @BeforeEach
    void resetState() throws IOException {
        jdbc.execute("TRUNCATE writeback.links, writeback.runs, writeback.bookmarks, writeback.dead_letters, sandbox.records");
        jdbc.execute("DROP SCHEMA IF EXISTS warehouse CASCADE");
        jdbc.execute(new ClassPathResource("demo/warehouse.sql").getContentAsString(StandardCharsets.UTF_8));
    }

    /** Starts a run of {@code sync} through the API and returns the run once it has ended. */
    protected JsonNode runAndWait(String sync) {
        ResponseEntity<JsonNode> started = http.postForEntity("/api/syncs/{name}/runs", null, JsonNode.class, sync);
        if (started.getStatusCode() != HttpStatus.ACCEPTED) {
            throw new AssertionError("run of " + sync + " was not accepted: " + started);
        }
        long runId = started.getBody().get("runId").asLong();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.getForObject("/api/runs/{id}", JsonNode.class, runId),
                        run -> !run.get("status").asText().matches("queued|running"));
    }
}
