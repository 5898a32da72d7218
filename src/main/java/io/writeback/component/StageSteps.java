package io.writeback.component;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ToDefinition;

/** The {@code writeback:} steps of a route's tree of steps. */
public final class StageSteps {

    private StageSteps() {
    }

    /** Every step below {@code steps} whose URI is a {@code writeback:} one, at any depth, in order. */
    public static List<ToDefinition> below(List<ProcessorDefinition<?>> steps) {
        List<ToDefinition> found = new ArrayList<>();
        for (ProcessorDefinition<?> step : steps) {
            if (step instanceof ToDefinition to && to.getUri() != null && to.getUri().startsWith(StageKind.SCHEME + ":")) {
                found.add(to);
            }
            found.addAll(below(step.getOutputs()));
        }
        return found;
    }
}
