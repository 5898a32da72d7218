package io.writeback.component;

import io.writeback.kernel.PayloadRecipe;
import io.writeback.mapping.MappingOptions;
import io.writeback.mapping.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.model.ToDefinition;

/**
 * Reads what a sync's payloads are made of from its route: the fingerprints its map and transform stages
 * give the run, and its relations. Complete only when each step of the route's split is one of
 * Writeback's own stages: a custom step may change a payload in ways no fingerprint tells.
 */
public final class PayloadRecipes {

    private PayloadRecipes() {
    }

    public static PayloadRecipe of(CamelContext camel, String routeId) {
        RouteDefinition route = camel instanceof ModelCamelContext model ? model.getRouteDefinition(routeId) : null;
        Optional<SplitDefinition> split = route == null ? Optional.empty() : route.getOutputs().stream()
                .filter(SplitDefinition.class::isInstance).map(SplitDefinition.class::cast).findFirst();
        if (split.isEmpty()) {
            return PayloadRecipe.UNKNOWN;
        }
        StringBuilder fingerprint = new StringBuilder();
        List<PayloadRecipe.Reference> references = new ArrayList<>();
        boolean complete = true;
        for (ProcessorDefinition<?> step : split.get().getOutputs()) {
            Optional<StageKind> kind = step instanceof ToDefinition to ? StageKind.ofUri(to.getEndpointUri()) : Optional.empty();
            Endpoint endpoint = kind.isPresent() ? camel.hasEndpoint(((ToDefinition) step).getEndpointUri()) : null;
            if (!(endpoint instanceof WritebackEndpoint stage)) {
                complete = false;
            } else if (kind.get() == StageKind.MAP) {
                MappingOptions map = stage.getMap();
                fingerprint.append(map.fingerprint());
                for (Relation relation : map.relations()) {
                    references.add(new PayloadRecipe.Reference(relation.column(), relation.parent()));
                }
            } else if (kind.get() == StageKind.TRANSFORM) {
                fingerprint.append(stage.getTransform().fingerprint());
            } else if (kind.get() != StageKind.PLAN && kind.get() != StageKind.DELIVER) {
                complete = false;
            }
        }
        return new PayloadRecipe(fingerprint.toString(), List.copyOf(references), complete);
    }
}
