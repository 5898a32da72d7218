package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
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

    /** No login: what anyone who reaches the port can do. */
    @Autowired
    protected TestRestTemplate anonymous;

    /** Logged in as an admin, who may do everything. */
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

    @BeforeEach
    void resetState() throws IOException {
        http = TestUsers.ADMIN.on(anonymous);
        jdbc.execute("TRUNCATE writeback.links, writeback.run_claims, writeback.intents, writeback.runs, writeback.bookmarks, writeback.dead_letters, "
                + "writeback.pauses, writeback.sync_audit, sandbox.records, sandbox.idempotency_keys");
        jdbc.execute("DROP SCHEMA IF EXISTS warehouse CASCADE");
        jdbc.execute(new ClassPathResource("demo/warehouse.sql").getContentAsString(StandardCharsets.UTF_8));
    }

    protected JsonNode runAndWait(String sync) {
        return new RunsApi(http).runAndWait(sync);
    }
}
