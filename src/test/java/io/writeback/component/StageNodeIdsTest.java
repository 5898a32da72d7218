package io.writeback.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;

class StageNodeIdsTest {

    @Test
    void eachStageStepIsNamedAfterItsSyncAndStageAndOtherStepsAreLeftAlone() {
        RouteDefinition route = new RouteDefinition("timer:contacts");
        route.routeId("contacts");
        route.to("writeback:source?query=x&key=id").split().body()
                .to("writeback:map").to("log:chunk").id("my-log").to("writeback:plan").to("writeback:deliver?connection=c&object=o");

        new StageNodeIds().onAddRouteDefinition(route);

        assertThat(ids(route.getOutputs())).containsExactly("contacts.source", null, "contacts.map", "my-log",
                "contacts.plan", "contacts.deliver");
    }

    private static List<String> ids(List<ProcessorDefinition<?>> steps) {
        List<String> ids = new ArrayList<>();
        for (ProcessorDefinition<?> step : steps) {
            ids.add(step.hasCustomIdAssigned() ? step.getId() : null);
            ids.addAll(ids(step.getOutputs()));
        }
        return ids;
    }
}
