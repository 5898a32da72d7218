package io.writeback.component;

import java.util.List;
import org.apache.camel.model.ModelLifecycleStrategySupport;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;

/**
 * Names each {@code writeback:} step of a sync after the sync and its stage ({@code contacts.source},
 * {@code contacts.map}, {@code contacts.plan}, {@code contacts.deliver}), so that Hawtio's route
 * diagram, JMX and Camel's messages read as the sync rather than {@code to11}. Camel wants node ids
 * unique across all routes, hence the sync's name. A step given an id of its own keeps it.
 */
public final class StageNodeIds extends ModelLifecycleStrategySupport {

    @Override
    public void onAddRouteDefinition(RouteDefinition route) {
        if (route.hasCustomIdAssigned()) {
            name(route.getRouteId(), route.getOutputs());
        }
    }

    private static void name(String sync, List<ProcessorDefinition<?>> steps) {
        for (ProcessorDefinition<?> step : steps) {
            if (step instanceof ToDefinition to && !to.hasCustomIdAssigned()) {
                StageKind.ofUri(to.getUri()).ifPresent(kind -> to.setId(sync + "." + kind.stageName()));
            }
            name(sync, step.getOutputs());
        }
    }
}
