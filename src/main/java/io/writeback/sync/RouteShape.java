package io.writeback.sync;

import io.writeback.component.StageKind;
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
        if (step instanceof ToDefinition to && to.getEndpointUri() != null
                && to.getEndpointUri().startsWith(StageKind.SCHEME + ":")) {
            String rest = to.getEndpointUri().substring(StageKind.SCHEME.length() + 1);
            int query = rest.indexOf('?');
            String name = query < 0 ? rest : rest.substring(0, query);
            return StageKind.named(name.replaceFirst("^//", ""));
        }
        return Optional.empty();
    }

    /** Every writeback step below {@code steps}, at any depth, in order. */
    static List<ToDefinition> stagesBelow(List<ProcessorDefinition<?>> steps) {
        List<ToDefinition> found = new ArrayList<>();
        for (ProcessorDefinition<?> step : steps) {
            if (stageOf(step).isPresent()) {
                found.add((ToDefinition) step);
            }
            found.addAll(stagesBelow(step.getOutputs()));
        }
        return found;
    }

    /** The stage kinds among the direct children of {@code split}, in order. */
    static List<StageKind> stagesIn(SplitDefinition split) {
        List<StageKind> kinds = new ArrayList<>();
        split.getOutputs().forEach(step -> stageOf(step).ifPresent(kinds::add));
        return kinds;
    }
}
