package io.writeback.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.springframework.stereotype.Component;

/**
 * The {@code writeback:} Camel component: {@code writeback:source}, {@code writeback:map},
 * {@code writeback:plan} and {@code writeback:deliver} are the stages a sync file strings together.
 */
@Component(StageKind.SCHEME)
public class WritebackComponent extends StageComponentSupport {

    private final Map<StageKind, Stage<StageOptions>> stages = new EnumMap<>(StageKind.class);

    @SuppressWarnings("unchecked")
    public WritebackComponent(List<Stage<?>> stages) {
        stages.forEach(stage -> this.stages.put(stage.kind(), (Stage<StageOptions>) stage));
    }

    @Override
    protected Endpoint endpoint(String uri, StageKind kind, StageOptions options, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new StageEndpoint(uri, this, stages.get(kind).processor(options));
    }
}
