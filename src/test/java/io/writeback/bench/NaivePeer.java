package io.writeback.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

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
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("warehouse", warehouse);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("timer:peer?repeatCount=1").routeId("naive-peer")
                            .onException(Exception.class).handled(true)
                                .process(exchange -> failure.set(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                                .process(exchange -> done.countDown())
                            .end()
                            .setHeader("rows", constant(rows))
                            .to("sql:SELECT * FROM bench.customers WHERE id <= :#rows?dataSource=#warehouse&outputType=StreamList")
                            .split(body()).streaming().stopOnException()
                                .process(exchange -> exchange.getMessage().setBody(
                                        JSON.writeValueAsString(exchange.getMessage().getBody(Map.class))))
                                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                                .to("http://127.0.0.1:" + sinkPort + "/sink/peer")
                            .end()
                            .process(exchange -> done.countDown());
                }
            });
            long start = System.nanoTime();
            camel.start();
            if (!done.await(2, TimeUnit.HOURS)) {
                throw new IllegalStateException("the naive route did not finish");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (failure.get() != null) {
                throw new IllegalStateException("the naive route failed", failure.get());
            }
            return took;
        }
    }
}
