package io.writeback.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.support.WritebackIntegrationTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's group runs companies, then the contacts that refer to them, each to its end. */
class SyncGroupTest extends WritebackIntegrationTest {

    @Autowired
    CamelContext camel;

    @Test
    void theGroupRunsCompaniesThenContactsSoNoContactWaits() throws Exception {
        fire("demo_nightly");

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

    /** Sends one exchange through the group's route, as its quartz trigger would (schedules are off in tests). */
    private void fire(String route) throws Exception {
        Consumer consumer = camel.getRoute(route).getConsumer();
        Exchange exchange = consumer.createExchange(false);
        try {
            consumer.getProcessor().process(exchange);
            assertThat(exchange.getException()).isNull();
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }
}
