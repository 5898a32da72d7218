package io.writeback.component;

import io.writeback.kernel.StageOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * Resolves {@code writeback:<stage>?...} URIs into bound, checked stage options. The running
 * component and the validator share it, so that both read a sync file the same way.
 */
public abstract class StageComponentSupport extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        StageKind kind = StageKind.named(remaining).orElseThrow(() -> new IllegalArgumentException(
                "unknown stage " + StageKind.SCHEME + ":" + remaining + " (known: " + String.join(", ",
                        Arrays.stream(StageKind.values()).map(StageKind::stageName).toList()) + ")"));
        WritebackEndpoint endpoint = new WritebackEndpoint(uri, this, kind.stageName());
        List<String> problems = StageOptionsBinder.bind(getCamelContext(), kind, endpoint, parameters);
        StageOptions options = kind.optionsOn(endpoint);
        options.check(problems);
        parameters.clear();
        return endpoint(endpoint, kind, options, problems);
    }

    /**
     * The endpoint for a stage whose options are bound on {@code endpoint}; {@code problems} is empty when
     * they can work.
     */
    protected abstract Endpoint endpoint(WritebackEndpoint endpoint, StageKind kind, StageOptions options,
            List<String> problems);
}
