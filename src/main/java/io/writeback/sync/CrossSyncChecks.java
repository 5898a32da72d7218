package io.writeback.sync;

import io.writeback.mapping.Relation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules across sync files: names declared once, and every sync a sync or group names declared, without cycles. */
final class CrossSyncChecks {

    private CrossSyncChecks() {
    }

    /** Sync and group names are route ids: each may be declared once, across all files. */
    static void checkDeclaredOnce(List<SyncDefinition> syncs, List<GroupDefinition> groups, List<String> problems) {
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

    static void checkLinksOf(List<SyncDefinition> syncs, List<String> problems) {
        List<String> names = syncs.stream().map(SyncDefinition::name).toList();
        for (SyncDefinition sync : syncs) {
            String linksOf = sync.source().getLinksOf();
            if (linksOf != null && !names.contains(linksOf)) {
                problems.add(sync.file() + ": sync '" + sync.name() + "': 'linksOf' names no sync: '" + linksOf
                        + "' (declared: " + String.join(", ", names) + ")");
            }
        }
    }

    /** A pair is two declared syncs, each naming the other. */
    static void checkPairs(List<SyncDefinition> syncs, List<String> problems) {
        Map<String, SyncDefinition> byName = new HashMap<>();
        syncs.forEach(sync -> byName.put(sync.name(), sync));
        for (SyncDefinition sync : syncs) {
            String pair = sync.source().getPair();
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
            } else if (!sync.name().equals(other.source().getPair())) {
                problems.add(where + "names '" + pair + "', which must name '" + sync.name() + "' as its pair in turn");
            }
        }
    }

    /** A group runs declared syncs; one that runs a child before its parent is allowed, with a warning. */
    static void checkGroups(List<SyncDefinition> syncs, List<GroupDefinition> groups, List<String> problems,
            List<String> warnings) {
        Map<String, SyncDefinition> byName = new HashMap<>();
        syncs.forEach(sync -> byName.put(sync.name(), sync));
        for (GroupDefinition group : groups) {
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
    static void checkRelations(List<SyncDefinition> syncs, List<String> problems) {
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
}
