package io.writeback.component;

import io.writeback.kernel.StageOptions;
import java.util.List;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** A {@code writeback:} component that only reads stage options, for validating sync files without running them. */
public class CheckedStages extends StageComponentSupport {

    @Override
    protected Endpoint endpoint(WritebackEndpoint endpoint, StageKind kind, StageOptions options, List<String> problems) {
        return new CheckedStage(endpoint.getEndpointUri(), this, options, List.copyOf(problems));
    }

    /** A stage as read from a sync file: its options and what is wrong with them. */
    public static final class CheckedStage extends DefaultEndpoint {

        private final StageOptions options;
        private final List<String> problems;

        CheckedStage(String uri, CheckedStages component, StageOptions options, List<String> problems) {
            super(uri, component);
            this.options = options;
            this.problems = problems;
        }

        public StageOptions options() {
            return options;
        }

        public List<String> problems() {
            return problems;
        }

        @Override
        public Producer createProducer() {
            throw new IllegalStateException(getEndpointUri() + " is only being validated");
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new IllegalStateException(getEndpointUri() + " is only being validated");
        }
    }
}
