package io.writeback.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;

/**
 * The route an engineer writes without Writeback, as the benchmark's peer: the query, a streaming
 * split, one HTTP call per row, and no diff, so every run sends every row again.
 */
final class NaivePeer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NaivePeer() {
    }

    /**
     * Sends the first {@code rows} rows of {@code bench.customers} to the sink, one call each; the time
     * from the route's start to the end of its split (every call answered).
     */
    static Duration run(DataSource warehouse, int sinkPort, long rows) throws Exception {
        return PeerRun.time(warehouse, (route, done) -> route.from("timer:peer?repeatCount=1").routeId("naive-peer")
                .setHeader("rows", route.constant(rows))
                .to("sql:SELECT * FROM bench.customers WHERE id <= :#rows?dataSource=#warehouse&outputType=StreamList")
                .split(route.body()).streaming().stopOnException()
                    .process(exchange -> exchange.getMessage().setBody(
                            JSON.writeValueAsString(exchange.getMessage().getBody(Map.class))))
                    .setHeader(Exchange.HTTP_METHOD, route.constant("POST"))
                    .setHeader(Exchange.CONTENT_TYPE, route.constant("application/json"))
                    .to("http://127.0.0.1:" + sinkPort + "/sink/peer")
                .end()
                .process(done));
    }
}
