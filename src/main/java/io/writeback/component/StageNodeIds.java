package io.writeback.component;

import org.apache.camel.model.ModelLifecycleStrategySupport;
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
        if (!route.hasCustomIdAssigned()) {
            return;
        }
        for (ToDefinition to : StageSteps.below(route.getOutputs())) {
            if (!to.hasCustomIdAssigned()) {
                StageKind.ofUri(to.getUri()).ifPresent(kind -> to.setId(route.getRouteId() + "." + kind.stageName()));
            }
        }
    }
}
