package io.writeback.sync;

import io.writeback.component.CheckedStages;
import io.writeback.component.LineBreaks;
import io.writeback.component.StageKind;
import io.writeback.delivery.DeliverOptions;
import io.writeback.group.GroupOptions;
import io.writeback.kernel.Identifiers;
import io.writeback.kernel.References;
import io.writeback.kernel.StageOptions;
import io.writeback.mapping.MappingOptions;
import io.writeback.mapping.Relation;
import io.writeback.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The checks of one sync file on its own: its YAML (through Camel's own loader), each route's trigger,
 * the order of its {@code writeback:} stages, every stage parameter and the connections and databases
 * the stages name. Each problem names the file, the sync or group, and the field.
 */
final class RouteChecks {

    private static final List<StageKind> SPLIT_STAGES = List.of(StageKind.MAP, StageKind.PLAN, StageKind.DELIVER);

    private final Function<String, List<String>> connectionProblems;
    private final Function<String, List<String>> databaseProblems;
    private final Set<String> connectionsUsed = new TreeSet<>();

    RouteChecks(Function<String, List<String>> connectionProblems, Function<String, List<String>> databaseProblems) {
        this.connectionProblems = connectionProblems;
        this.databaseProblems = databaseProblems;
    }

    /** The connections the files read so far name. */
    Set<String> connectionsUsed() {
        return connectionsUsed;
    }

    /** Loads one file in a Camel context of its own, so that no file can hide another's routes. */
    void read(Path file, List<String> problems, List<SyncDefinition> syncs, List<GroupDefinition> groups)
            throws IOException {
        read(file, ResourceHelper.fromString(file.toString(), Files.readString(file)), problems, syncs, groups);
    }

    /** As {@link #read(Path, List, List, List)}, for a sync file's text that is not on disk; {@code file} names it. */
    void read(Path file, Resource text, List<String> problems, List<SyncDefinition> syncs, List<GroupDefinition> groups)
            throws IOException {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addComponent(StageKind.SCHEME, new CheckedStages());
            camel.addModelLifecycleStrategy(new LineBreaks());
            try {
                PluginHelper.getRoutesLoader(camel).loadRoutes(text);
            } catch (Exception e) {
                problems.add(file + ": " + StageReader.rootMessage(e));
                return;
            }
            for (RouteDefinition route : camel.getRouteDefinitions()) {
                if (RouteShape.stagesBelow(route.getOutputs()).stream()
                        .anyMatch(step -> RouteShape.stageOf(step).orElse(null) == StageKind.GROUP)) {
                    GroupDefinition group = group(camel, file, route, problems);
                    if (group != null) {
                        groups.add(group);
                    }
                } else {
                    SyncDefinition sync = sync(camel, file, route, problems);
                    if (sync != null) {
                        syncs.add(sync);
                    }
                }
            }
        }
    }

    /** The sync a route declares, or null when it declares none (a helper route a sync may call) or is wrong. */
    private SyncDefinition sync(DefaultCamelContext camel, Path file, RouteDefinition route, List<String> problems) {
        List<ToDefinition> stages = RouteShape.stagesBelow(route.getOutputs());
        if (stages.isEmpty()) {
            return null;
        }
        String name = route.getRouteId();
        List<String> found = new ArrayList<>();
        if (!route.hasCustomIdAssigned() || !Identifiers.isSyncName(name)) {
            found.add("the route id must be the sync's name: lowercase letters, digits and '_', starting with a letter"
                    + (route.hasCustomIdAssigned() ? ", not '" + name + "'" : " (the route has no id)"));
        }
        String schedule = TriggerCheck.schedule(route.getInput().getEndpointUri(), found);
        checkShape(route.getOutputs(), found);
        SourceOptions source = null;
        List<Relation> relations = List.of();
        DeliverOptions deliver = null;
        for (ToDefinition step : stages) {
            StageOptions options = StageReader.read(camel, step, found);
            if (options == null) {
                continue;
            }
            checkReferences(options.references(), found);
            if (options instanceof SourceOptions s) {
                source = s;
            } else if (options instanceof DeliverOptions d) {
                deliver = d;
            } else if (options instanceof MappingOptions m && found.isEmpty()) {
                relations = m.relations();
            }
        }
        found.forEach(problem -> problems.add(file + ": sync '" + name + "': " + problem));
        return found.isEmpty()
                ? new SyncDefinition(name, route.getDescriptionText(), file, route.getInput().getEndpointUri(),
                        schedule, source, relations, deliver)
                : null;
    }

    private void checkReferences(References references, List<String> found) {
        connectionsUsed.addAll(references.connections());
        references.connections().forEach(connection -> found.addAll(connectionProblems.apply(connection)));
        references.databases().forEach(database -> found.addAll(databaseProblems.apply(database)));
    }

    /** A group's route: a trigger, then {@code writeback:group} as its only writeback step; null when wrong. */
    private static GroupDefinition group(DefaultCamelContext camel, Path file, RouteDefinition route, List<String> problems) {
        String name = route.getRouteId();
        List<String> found = new ArrayList<>();
        if (!route.hasCustomIdAssigned() || !Identifiers.isSyncName(name)) {
            found.add("the route id must be the group's name: lowercase letters, digits and '_', starting with a letter");
        }
        String schedule = TriggerCheck.schedule(route.getInput().getEndpointUri(), found);
        List<ToDefinition> stages = RouteShape.stagesBelow(route.getOutputs());
        GroupOptions options = null;
        if (stages.size() != 1 || !route.getOutputs().contains(stages.get(0))) {
            found.add("a group's route holds writeback:group as a step of its own, and no other writeback stage");
        } else if (StageReader.read(camel, stages.get(0), found) instanceof GroupOptions group) {
            options = group;
        }
        found.forEach(problem -> problems.add(file + ": group '" + name + "': " + problem));
        return found.isEmpty() && options != null ? new GroupDefinition(name, route.getDescriptionText(), file,
                route.getInput().getEndpointUri(), schedule,
                options.syncs()) : null;
    }

    /** writeback:source once at the top; then a streaming split whose steps include map, plan, deliver in order. */
    private static void checkShape(List<ProcessorDefinition<?>> steps, List<String> found) {
        int source = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (RouteShape.stageOf(steps.get(i)).orElse(null) == StageKind.SOURCE) {
                if (source >= 0) {
                    found.add("writeback:source appears more than once");
                }
                source = i;
            }
        }
        if (source < 0) {
            found.add("writeback:source must be a step of the route itself, before the split");
            return;
        }
        if (source + 1 >= steps.size() || !(steps.get(source + 1) instanceof SplitDefinition split)) {
            found.add("writeback:source must be followed by a split of its body (split: {simple: \"${body}\", streaming: true})");
            return;
        }
        if (!Boolean.parseBoolean(split.getStreaming())) {
            found.add("the split after writeback:source needs 'streaming: true', or every row is read into memory first");
        }
        List<StageKind> inSplit = RouteShape.stagesIn(split);
        List<StageKind> required = inSplit.stream().filter(kind -> kind != StageKind.TRANSFORM).toList();
        if (!required.equals(SPLIT_STAGES)) {
            found.add("the split after writeback:source must hold writeback:map, writeback:plan and writeback:deliver, "
                    + "once each and in that order (custom steps may stand between them); it holds " + inSplit);
        } else if (inSplit.contains(StageKind.TRANSFORM) && !List.of(StageKind.MAP, StageKind.TRANSFORM, StageKind.PLAN,
                StageKind.DELIVER).equals(inSplit)) {
            found.add("writeback:transform may appear once, between writeback:map and writeback:plan; the split holds " + inSplit);
        }
    }
}
