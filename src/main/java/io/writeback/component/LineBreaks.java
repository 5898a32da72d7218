package io.writeback.component;

import java.util.Map;
import org.apache.camel.model.ModelLifecycleStrategySupport;
import org.apache.camel.model.RouteDefinition;

/**
 * Keeps the line breaks of multi-line stage parameters (SQL above all). Camel joins the lines of an
 * endpoint URI without a separator, so {@code "_sdc_batched_at\nFROM"} would reach the database as
 * {@code "_sdc_batched_atFROM"} and a {@code --} comment would swallow the rest of the query. When a
 * route is added, line breaks in {@code writeback:} URIs become a private-use character that Camel
 * leaves alone, and {@link #restore(Map)} turns them back when the stage binds its options.
 */
public final class LineBreaks extends ModelLifecycleStrategySupport {

    private static final String MARK = "\uE000";

    @Override
    public void onAddRouteDefinition(RouteDefinition route) {
        StageSteps.below(route.getOutputs()).forEach(to -> to.setUri(to.getUri().replace("\r\n", "\n").replace("\n", MARK)));
    }

    static void restore(Map<String, Object> parameters) {
        parameters.replaceAll((name, value) -> value instanceof String text ? text.replace(MARK, "\n") : value);
    }
}
