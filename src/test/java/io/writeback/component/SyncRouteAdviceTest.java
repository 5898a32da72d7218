package io.writeback.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.kernel.SyncRecord;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A demo sync's route as Camel runs it, with its trigger replaced by {@code direct:} and a {@code mock:}
 * woven in after its deliver step (found by its id, {@code companies.deliver}): the chunks pass the
 * stages in order and reach the sandbox (which the application serves, hence the web server).
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "writeback.schedules.enabled=false",
        "writeback.embedded-db.clean=true",
        "writeback.embedded-db.data-dir=target/test-db/advice",
        "writeback.demo.enabled=true"})
class SyncRouteAdviceTest {

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSyncsChunksPassItsStagesInOrderAndReachTheDestination() throws Exception {
        AdviceWith.adviceWith(camel, "companies", route -> {
            route.replaceFromWith("direct:companies");
            route.weaveById("companies.deliver").after().to("mock:delivered");
        });
        camel.start();
        MockEndpoint delivered = camel.getEndpoint("mock:delivered", MockEndpoint.class);
        // 60 demo companies, in chunks of 500 rows: one chunk.
        delivered.expectedMessageCount(1);

        producer.sendBody("direct:companies", null);

        delivered.assertIsSatisfied();
        @SuppressWarnings("unchecked")
        List<SyncRecord> chunk = delivered.getExchanges().get(0).getMessage().getBody(List.class);
        assertThat(chunk).hasSize(60).allSatisfy(record -> assertThat(record.action()).isNotNull());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox.records WHERE object = 'companies'", Long.class))
                .isEqualTo(60);
    }
}
