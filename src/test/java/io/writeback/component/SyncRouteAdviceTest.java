package io.writeback.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.writeback.kernel.SyncRecord;
import io.writeback.support.WritebackIntegrationTest;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A demo sync's route as Camel runs it, with its trigger replaced by {@code direct:} and a {@code mock:}
 * woven in after its deliver step (found by its id, {@code companies.deliver}): the chunks pass the
 * stages in order and reach the sandbox. The route is loaded again from its file afterwards, so the
 * application the other tests share keeps the sync as written.
 */
class SyncRouteAdviceTest extends WritebackIntegrationTest {

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @AfterEach
    void reloadTheSyncAsWritten() throws Exception {
        PluginHelper.getRoutesLoader(camel).updateRoutes(
                PluginHelper.getResourceLoader(camel).resolveResource("file:routes/demo/companies.camel.yaml"));
    }

    @Test
    void aSyncsChunksPassItsStagesInOrderAndReachTheDestination() throws Exception {
        AdviceWith.adviceWith(camel, "companies", route -> {
            route.replaceFromWith("direct:companies");
            route.weaveById("companies.deliver").after().to("mock:delivered");
        });
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
