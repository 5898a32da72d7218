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
        StageOptions options = kind.newOptions();
        List<String> problems = StageOptionsBinder.bind(getCamelContext(), kind, options, parameters);
        options.check(problems);
        parameters.clear();
        return endpoint(uri, kind, options, problems);
    }

    /** The endpoint for a stage whose options are bound; {@code problems} is empty when they can work. */
    protected abstract Endpoint endpoint(String uri, StageKind kind, StageOptions options, List<String> problems);
}
