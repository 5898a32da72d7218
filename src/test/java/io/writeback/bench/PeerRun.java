package io.writeback.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** Times a peer's route, in a Camel context of its own with the warehouse bound as {@code #warehouse}, to its end. */
final class PeerRun {

    /** A peer's route: calls {@code done} when every row is sent; a failure anywhere ends the run. */
    @FunctionalInterface
    interface Route {
        void configure(RouteBuilder builder, Processor done);
    }

    private PeerRun() {
    }

    static Duration time(DataSource warehouse, Route route) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("warehouse", warehouse);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).handled(true)
                            .process(exchange -> failure.set(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                            .process(exchange -> done.countDown());
                    route.configure(this, exchange -> done.countDown());
                }
            });
            long start = System.nanoTime();
            camel.start();
            if (!done.await(2, TimeUnit.HOURS)) {
                throw new IllegalStateException("the peer's route did not finish");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (failure.get() != null) {
                throw new IllegalStateException("the peer's route failed", failure.get());
            }
            return took;
        }
    }
}
