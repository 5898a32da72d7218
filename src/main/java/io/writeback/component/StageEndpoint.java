package io.writeback.component;

import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

/** A {@code writeback:<stage>} endpoint: usable as a step ({@code to}), never as a trigger ({@code from}). */
final class StageEndpoint extends DefaultEndpoint {

    private final Processor stage;

    StageEndpoint(String uri, WritebackComponent component, Processor stage) {
        super(uri, component);
        this.stage = stage;
    }

    @Override
    public Producer createProducer() {
        return new DefaultProducer(this) {
            @Override
            public void process(Exchange exchange) throws Exception {
                stage.process(exchange);
            }
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new IllegalArgumentException(getEndpointUri() + " is a step of a sync; start the route with quartz: or timer:");
    }
}
