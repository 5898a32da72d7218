package io.writeback.sync;

import io.writeback.component.StageKind;
import io.writeback.component.StageSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.model.ToDefinition;

/** Where the {@code writeback:} stages stand in a route's tree of steps. */
final class RouteShape {

    private RouteShape() {
    }

    static Optional<StageKind> stageOf(ProcessorDefinition<?> step) {
        return step instanceof ToDefinition to ? StageKind.ofUri(to.getEndpointUri()) : Optional.empty();
    }

    /** Every step of a known writeback stage below {@code steps}, at any depth, in order. */
    static List<ToDefinition> stagesBelow(List<ProcessorDefinition<?>> steps) {
        return StageSteps.below(steps).stream().filter(to -> stageOf(to).isPresent()).toList();
    }

    /** The stage kinds among the direct children of {@code split}, in order. */
    static List<StageKind> stagesIn(SplitDefinition split) {
        List<StageKind> kinds = new ArrayList<>();
        split.getOutputs().forEach(step -> stageOf(step).ifPresent(kinds::add));
        return kinds;
    }
}
