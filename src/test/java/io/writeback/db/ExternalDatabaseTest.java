package io.writeback.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.demo.DemoWarehouse;
import io.writeback.support.ScratchPostgres;
import io.writeback.support.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a database URL configured, Writeback uses that server and starts neither its own nor the demo,
 * whose syncs under {@code routes/demo/} it does not load.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "writeback.schedules.enabled=false")
class ExternalDatabaseTest {

    private static final EmbeddedPostgres SERVER = ScratchPostgres.start("external");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SERVER.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate http;

    @Autowired
    CamelContext camel;

    @Test
    void usesTheConfiguredServerAndCreatesTheStateSchemaThere() {
        JdbcTemplate server = new JdbcTemplate(SERVER.getPostgresDatabase());

        assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
        assertThat(server.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'writeback'",
                String.class)).contains("links", "runs", "bookmarks", "dead_letters", "sync_versions");
        assertThat(server.queryForObject("SELECT count(*) FROM writeback.sync_versions", Long.class)).isZero();
    }

    @Test
    void theDemoIsOffAndItsSyncsUnderRoutesDemoAreNotLoaded() {
        assertThat(context.getBeansOfType(DemoWarehouse.class)).isEmpty();

        assertThat(TestUsers.ADMIN.on(http).getForObject("/api/syncs", JsonNode.class)).isEmpty();
        assertThat(TestUsers.ADMIN.on(http).getForEntity("/api/syncs/companies", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(camel.getRoutes()).isEmpty();
    }

    @AfterAll
    static void stop() throws IOException {
        SERVER.close();
    }
}
