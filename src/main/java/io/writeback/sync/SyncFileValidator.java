package io.writeback.sync;

import io.writeback.component.CheckedStages;
import io.writeback.component.CheckedStages.CheckedStage;
import io.writeback.component.LineBreaks;
import io.writeback.component.StageKind;
import io.writeback.delivery.DeliverOptions;
import io.writeback.group.GroupOptions;
import io.writeback.kernel.Identifiers;
import io.writeback.kernel.StageOptions;
import io.writeback.mapping.MappingOptions;
import io.writeback.mapping.Relation;
import io.writeback.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.URISupport;
import org.quartz.CronExpression;

/**
 * Checks every sync file under a routes directory before anything runs: the YAML itself (through
 * Camel's own loader), the trigger, the order of the {@code writeback:} stages, and every stage
 * parameter. Each problem names the file, the sync and the field.
 */
public final class SyncFileValidator {

    private static final List<StageKind> SPLIT_STAGES = List.of(StageKind.MAP, StageKind.PLAN, StageKind.DELIVER);

    private final Function<String, List<String>> connectionProblems;
    private final Function<String, List<String>> databaseProblems;
    private final List<String> warnings = new ArrayList<>();

    /** A group's route: the syncs it runs, in order. */
    private record Group(String name, Path file, List<String> syncs) {
    }

    /**
     * @param connectionProblems what is wrong with a connection name (unknown, incomplete); empty when usable
     * @param databaseProblems   the same for the name of a database target ids are written back to
     */
    public SyncFileValidator(Function<String, List<String>> connectionProblems,
            Function<String, List<String>> databaseProblems) {
        this.connectionProblems = connectionProblems;
        this.databaseProblems = databaseProblems;
    }

    /** What the last {@link #validate} found questionable but not wrong, each naming its file. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public List<SyncDefinition> validate(Path routesDir) {
        List<String> problems = new ArrayList<>();
        List<SyncDefinition> syncs = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        warnings.clear();
        try {
            for (Path file : syncFiles(routesDir)) {
                syncs.addAll(validateFile(file, problems, groups));
            }
        } catch (IOException e) {
            problems.add(routesDir + ": cannot be read: " + e.getMessage());
        }
        checkDeclaredOnce(syncs, groups, problems);
        checkLinksOf(syncs, problems);
        checkRelations(syncs, problems);
        checkPairs(syncs, problems);
        checkGroups(syncs, groups, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSyncFilesException(problems);
        }
        return syncs;
    }

    /** Sync and group names are route ids: each may be declared once, across all files. */
    private static void checkDeclaredOnce(List<SyncDefinition> syncs, List<Group> groups, List<String> problems) {
        Map<String, Path> declaredIn = new HashMap<>();
        List<Map.Entry<String, Path>> declared = new ArrayList<>();
        syncs.forEach(sync -> declared.add(Map.entry(sync.name(), sync.file())));
        groups.forEach(group -> declared.add(Map.entry(group.name(), group.file())));
        for (Map.Entry<String, Path> route : declared) {
            Path first = declaredIn.putIfAbsent(route.getKey(), route.getValue());
            if (first != null) {
                problems.add(route.getValue() + ": sync '" + route.getKey() + "' is declared more than once (first in "
                        + first + ")");
            }
        }
    }

    private static void checkLinksOf(List<SyncDefinition> syncs, List<String> problems) {
        List<String> names = syncs.stream().map(SyncDefinition::name).toList();
        for (SyncDefinition sync : syncs) {
            String linksOf = sync.source().linksOf();
            if (linksOf != null && !names.contains(linksOf)) {
                problems.add(sync.file() + ": sync '" + sync.name() + "': 'linksOf' names no sync: '" + linksOf
                        + "' (declared: " + String.join(", ", names) + ")");
            }
        }
    }

    /** A pair is two declared syncs, each naming the other. */
    private static void checkPairs(List<SyncDefinition> syncs, List<String> problems) {
        Map<String, SyncDefinition> byName = new HashMap<>();
        syncs.forEach(sync -> byName.put(sync.name(), sync));
        for (SyncDefinition sync : syncs) {
            String pair = sync.source().pair();
            String where = sync.file() + ": sync '" + sync.name() + "': 'pair' ";
            if (pair == null) {
                continue;
            }
            SyncDefinition other = byName.get(pair);
            if (pair.equals(sync.name())) {
                problems.add(where + "names the sync itself: a pair is two syncs, one each way");
            } else if (other == null) {
                problems.add(where + "names no sync: '" + pair + "' (declared: "
                        + String.join(", ", byName.keySet().stream().sorted().toList()) + ")");
            } else if (!sync.name().equals(other.source().pair())) {
                problems.add(where + "names '" + pair + "', which must name '" + sync.name() + "' as its pair in turn");
            }
        }
    }

    /** A group runs declared syncs; one that runs a child before its parent is allowed, with a warning. */
    private void checkGroups(List<SyncDefinition> syncs, List<Group> groups, List<String> problems) {
        Map<String, SyncDefinition> byName = new HashMap<>();
        syncs.forEach(sync -> byName.put(sync.name(), sync));
        for (Group group : groups) {
            String where = group.file() + ": group '" + group.name() + "': ";
            for (String name : group.syncs()) {
                SyncDefinition sync = byName.get(name);
                if (sync == null) {
                    problems.add(where + "runs no sync named '" + name + "' (declared: "
                            + String.join(", ", byName.keySet().stream().sorted().toList()) + ")");
                    continue;
                }
                for (Relation relation : sync.relations()) {
                    int parentAt = group.syncs().indexOf(relation.parent());
                    if (parentAt > group.syncs().indexOf(name)) {
                        warnings.add(where + "runs " + name + " before " + relation.parent() + ", which its relation "
                                + relation.field() + " refers to: its new records wait until the group's next run");
                    }
                }
            }
        }
    }

    /** Every relation names a declared sync, and no sync depends on itself through its relations. */
    private static void checkRelations(List<SyncDefinition> syncs, List<String> problems) {
        Map<String, SyncDefinition> byName = new HashMap<>();
        syncs.forEach(sync -> byName.put(sync.name(), sync));
        for (SyncDefinition sync : syncs) {
            for (Relation relation : sync.relations()) {
                if (!byName.containsKey(relation.parent())) {
                    problems.add(sync.file() + ": sync '" + sync.name() + "': relation " + relation.field()
                            + " refers to no sync: '" + relation.parent() + "' (declared: "
                            + String.join(", ", byName.keySet().stream().sorted().toList()) + ")");
                }
            }
            List<String> cycle = cycleFrom(sync.name(), sync.name(), byName, new ArrayList<>());
            if (cycle != null) {
                problems.add(sync.file() + ": sync '" + sync.name() + "': its relations form a cycle: "
                        + String.join(" -> ", cycle) + "; a record would wait for itself");
            }
        }
    }

    /** The path of relations from {@code at} back to {@code start}, or null when there is none. */
    private static List<String> cycleFrom(String start, String at, Map<String, SyncDefinition> byName, List<String> path) {
        if (path.contains(at)) {
            return null;
        }
        path.add(at);
        SyncDefinition sync = byName.get(at);
        for (Relation relation : sync == null ? List.<Relation>of() : sync.relations()) {
            if (relation.parent().equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            List<String> found = cycleFrom(start, relation.parent(), byName, path);
            if (found != null) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** Loads one file in a Camel context of its own, so that no file can hide another's routes. */
    private List<SyncDefinition> validateFile(Path file, List<String> problems, List<Group> groups) throws IOException {
        List<SyncDefinition> syncs = new ArrayList<>();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addComponent(StageKind.SCHEME, new CheckedStages());
            camel.addModelLifecycleStrategy(new LineBreaks());
            try {
                PluginHelper.getRoutesLoader(camel).loadRoutes(
                        PluginHelper.getResourceLoader(camel).resolveResource("file:" + file));
            } catch (Exception e) {
                problems.add(file + ": " + rootMessage(e));
                return syncs;
            }
            for (RouteDefinition route : camel.getRouteDefinitions()) {
                if (RouteShape.stagesBelow(route.getOutputs()).stream()
                        .anyMatch(step -> RouteShape.stageOf(step).orElse(null) == StageKind.GROUP)) {
                    checkGroup(camel, file, route, problems).ifPresent(groups::add);
                    continue;
                }
                SyncDefinition sync = check(camel, file, route, problems);
                if (sync != null) {
                    syncs.add(sync);
                }
            }
        }
        return syncs;
    }

    private static List<Path> syncFiles(Path routesDir) throws IOException {
        if (!Files.isDirectory(routesDir)) {
            throw new IOException("no such directory (set writeback.routes-dir)");
        }
        try (Stream<Path> files = Files.walk(routesDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    /** The sync a route declares, or null when it declares none (a helper route a sync may call). */
    private SyncDefinition check(DefaultCamelContext camel, Path file, RouteDefinition route, List<String> problems) {
        List<ToDefinition> stages = RouteShape.stagesBelow(route.getOutputs());
        if (stages.isEmpty()) {
            return null;
        }
        String name = route.getRouteId();
        String where = file + ": sync '" + name + "': ";
        List<String> found = new ArrayList<>();
        if (!route.hasCustomIdAssigned() || !Identifiers.isSyncName(name)) {
            found.add("the route id must be the sync's name: lowercase letters, digits and '_', starting with a letter"
                    + (route.hasCustomIdAssigned() ? ", not '" + name + "'" : " (the route has no id)"));
        }
        String schedule = checkTrigger(route.getInput().getEndpointUri(), found);
        checkShape(route.getOutputs(), found);
        SourceOptions source = null;
        List<Relation> relations = List.of();
        DeliverOptions deliver = null;
        for (ToDefinition step : stages) {
            StageOptions options = readStage(camel, step, found);
            if (options instanceof DeliverOptions d && d.connection() != null) {
                found.addAll(connectionProblems.apply(d.connection()));
            }
            if (options instanceof DeliverOptions d && d.writeBackConnection() != null) {
                found.addAll(connectionProblems.apply(d.writeBackConnection()));
            }
            if (options instanceof DeliverOptions d && d.writeBackSql() != null) {
                found.addAll(databaseProblems.apply(d.writeBackDatabase()));
            }
            if (options instanceof SourceOptions s) {
                source = s;
            } else if (options instanceof DeliverOptions d) {
                deliver = d;
            } else if (options instanceof MappingOptions m && found.isEmpty()) {
                relations = m.relations();
            }
        }
        found.forEach(problem -> problems.add(where + problem));
        return found.isEmpty()
                ? new SyncDefinition(name, route.getDescriptionText(), file, route.getInput().getEndpointUri(),
                        schedule, source, relations, deliver)
                : null;
    }

    /** A group's route: a trigger, then {@code writeback:group} as its only writeback step. */
    private static Optional<Group> checkGroup(DefaultCamelContext camel, Path file, RouteDefinition route,
            List<String> problems) {
        String name = route.getRouteId();
        List<String> found = new ArrayList<>();
        if (!route.hasCustomIdAssigned() || !Identifiers.isSyncName(name)) {
            found.add("the route id must be the group's name: lowercase letters, digits and '_', starting with a letter");
        }
        checkTrigger(route.getInput().getEndpointUri(), found);
        List<ToDefinition> stages = RouteShape.stagesBelow(route.getOutputs());
        GroupOptions options = null;
        if (stages.size() != 1 || !route.getOutputs().contains(stages.get(0))) {
            found.add("a group's route holds writeback:group as a step of its own, and no other writeback stage");
        } else if (readStage(camel, stages.get(0), found) instanceof GroupOptions group) {
            options = group;
        }
        found.forEach(problem -> problems.add(file + ": group '" + name + "': " + problem));
        return found.isEmpty() && options != null ? Optional.of(new Group(name, file, options.syncs()))
                : Optional.empty();
    }

    /**
     * The options of one stage step, resolved as the running component resolves them; null when unreadable.
     * Property placeholders are refused: {@code {{env:...}}} would put the environment (its secrets) into a
     * query or a payload, where anyone who can edit a sync file could read it back from the destination.
     */
    private static StageOptions readStage(DefaultCamelContext camel, ToDefinition step, List<String> found) {
        try {
            List<String> placeholders = parameters(step.getEndpointUri()).entrySet().stream()
                    .filter(parameter -> String.valueOf(parameter.getValue()).contains("{{"))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!placeholders.isEmpty()) {
                found.add("parameter " + String.join(", ", placeholders) + ": property placeholders ({{...}}) are not "
                        + "expanded in writeback: parameters, so that no setting or environment variable can reach a "
                        + "payload; write the value itself");
                return null;
            }
            CheckedStage stage = camel.getEndpoint(step.getEndpointUri(), CheckedStage.class);
            found.addAll(stage.problems());
            return stage.options();
        } catch (RuntimeException e) {
            found.add(rootMessage(e));
            return null;
        }
    }

    private static String checkTrigger(String uri, List<String> found) {
        Map<String, Object> parameters = parameters(uri);
        if (uri.startsWith("quartz:")) {
            Object cron = parameters.get("cron");
            if (cron == null) {
                found.add("the quartz trigger needs a 'cron' parameter");
                return null;
            }
            try {
                CronExpression.validateExpression(cron.toString());
            } catch (ParseException e) {
                found.add("'cron' of the quartz trigger is not a valid Quartz cron expression ('" + cron + "'): "
                        + e.getMessage());
            }
            return "cron " + cron;
        }
        if (uri.startsWith("timer:")) {
            return "timer, every " + parameters.getOrDefault("period", "1000") + " ms";
        }
        found.add("a sync starts from quartz: (cron) or timer:, not '" + uri + "'");
        return null;
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

    private static Map<String, Object> parameters(String uri) {
        int query = uri.indexOf('?');
        try {
            return query < 0 ? new java.util.LinkedHashMap<>() : URISupport.parseQuery(uri.substring(query + 1));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("unreadable parameters in " + uri + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
