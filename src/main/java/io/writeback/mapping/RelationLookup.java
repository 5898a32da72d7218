package io.writeback.mapping;

import io.writeback.kernel.Action;
import io.writeback.kernel.Link;
import io.writeback.kernel.LinkStatus;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.LinkStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives the records of a chunk the target ids of the records they refer to, from the parents' link
 * tables, one query per relation. A record whose parent has no target record yet waits: it is never
 * sent with a missing or wrong reference.
 */
final class RelationLookup {

    private RelationLookup() {
    }

    static void resolve(List<SyncRecord> chunk, List<Relation> relations, LinkStore links) {
        for (Relation relation : relations) {
            List<SyncRecord> open = chunk.stream().filter(record -> record.action() == null).toList();
            Set<String> parentIds = open.stream().map(record -> parentId(record, relation)).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            Map<String, Link> parents = links.find(relation.parent(), parentIds);
            for (SyncRecord record : open) {
                String parentId = parentId(record, relation);
                Link parent = parentId == null ? null : parents.get(parentId);
                if (parentId == null) {
                    record.payload().put(relation.field(), null);
                } else if (parent == null || parent.targetId() == null || parent.status() == LinkStatus.DELETED) {
                    record.decide(Action.WAIT, "waiting for " + relation.parent() + " record " + parentId
                            + " to be in the target (relation " + relation.field() + ")");
                } else if (!relation.number()) {
                    record.payload().put(relation.field(), parent.targetId());
                } else if (parent.targetId().matches("-?\\d{1,18}")) {
                    record.payload().put(relation.field(), Long.parseLong(parent.targetId()));
                } else {
                    record.decide(Action.INVALID, "relation " + relation.field() + " is sent as a number, but the target id '"
                            + parent.targetId() + "' of " + relation.parent() + " record " + parentId + " is not a whole number");
                }
            }
        }
    }

    private static String parentId(SyncRecord record, Relation relation) {
        Object value = record.row().get(relation.column());
        return value == null ? null : value.toString();
    }
}
