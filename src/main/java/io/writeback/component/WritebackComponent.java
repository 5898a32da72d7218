package io.writeback.component;

import io.writeback.kernel.Stage;
import io.writeback.kernel.StageOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.springframework.stereotype.Component;

/**
 * The {@code writeback:} Camel component: {@code writeback:source}, {@code writeback:map},
 * {@code writeback:plan} and {@code writeback:deliver} are the stages a sync file strings together.
 */
@org.apache.camel.spi.annotations.Component(StageKind.SCHEME)
@Component(StageKind.SCHEME)
public class WritebackComponent extends StageComponentSupport {

    private final Map<String, Stage<StageOptions>> stages = new HashMap<>();

    @SuppressWarnings("unchecked")
    public WritebackComponent(List<Stage<?>> stages) {
        stages.forEach(stage -> this.stages.put(stage.name(), (Stage<StageOptions>) stage));
        for (StageKind kind : StageKind.values()) {
            if (!this.stages.containsKey(kind.stageName())) {
                throw new IllegalStateException("no stage bean serves " + kind.uri());
            }
        }
    }

    @Override
    protected Endpoint endpoint(WritebackEndpoint endpoint, StageKind kind, StageOptions options, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        endpoint.runs(stages.get(kind.stageName()).processor(options));
        return endpoint;
    }
}
