package io.writeback.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;

/** Fires a route as its trigger would (schedules are off in tests), to its end. */
public final class Triggers {

    private Triggers() {
    }

    /** Sends one exchange, with {@code headers}, through the route's consumer; it must end without an exception. */
    public static void fire(CamelContext camel, String route, Map<String, Object> headers) throws Exception {
        Consumer consumer = camel.getRoute(route).getConsumer();
        Exchange exchange = consumer.createExchange(false);
        exchange.getMessage().getHeaders().putAll(headers);
        try {
            consumer.getProcessor().process(exchange);
            assertThat(exchange.getException()).isNull();
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    public static void fire(CamelContext camel, String route) throws Exception {
        fire(camel, route, Map.of());
    }
}
