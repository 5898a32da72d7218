package io.writeback.clone;

import io.writeback.kernel.RecordTrace;
import io.writeback.kernel.RecordTrace.TracedRecord;
import io.writeback.kernel.RunScope;
import io.writeback.run.RunLauncher;
import io.writeback.run.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * A clone's records side by side with its original's: for the records the clone put in its target, the payload
 * each sync makes of the same source row now (both through a dry run, which sends and writes nothing). For a row
 * that has not changed since the original's last run, the original's payload is the one it last sent.
 */
@Service
public class CloneComparison {

    /** Differing records shown whole; the counts cover all compared. */
    static final int SHOWN = 20;

    /** The comparison: how many records differ, in which fields, and the first differing records. */
    public record Comparison(String cloneName, String original, int compared, int differing, int same,
            Map<String, Integer> differingByField, List<String> onlyInClone, List<String> onlyInOriginal,
            List<DifferingRecord> records, List<String> findings) {
    }

    /** One record's differing fields, each with the original's value and the clone's. */
    public record DifferingRecord(String sourceId, Map<String, Values> fields) {
    }

    public record Values(Object original, Object cloned) {
    }

    private final CloneStore store;
    private final RunLauncher launcher;

    CloneComparison(CloneStore store, RunLauncher launcher) {
        this.store = store;
        this.launcher = launcher;
    }

    /**
     * Compares the first {@code limit} records the clone delivered, by source id; empty for no such clone.
     *
     * @throws IllegalStateException when the clone has delivered nothing yet
     */
    public Optional<Comparison> compare(String name, int limit) {
        Optional<CloneStore.StoredClone> clone = store.find(name);
        if (clone.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = store.delivered(name, limit);
        if (ids.isEmpty()) {
            throw new IllegalStateException("clone '" + name + "' has delivered no record yet: run it first");
        }
        String original = clone.get().original();
        List<String> findings = new ArrayList<>();
        Map<String, Map<String, Object>> cloned = payloads(name, ids, findings);
        Map<String, Map<String, Object>> originals = payloads(original, ids, findings);
        Map<String, Integer> byField = new TreeMap<>();
        List<DifferingRecord> shown = new ArrayList<>();
        int compared = 0;
        int differing = 0;
        for (String id : ids) {
            if (!cloned.containsKey(id) || !originals.containsKey(id)) {
                continue;
            }
            compared++;
            Map<String, Values> fields = differences(originals.get(id), cloned.get(id));
            if (!fields.isEmpty()) {
                differing++;
                fields.keySet().forEach(field -> byField.merge(field, 1, Integer::sum));
                if (shown.size() < SHOWN) {
                    shown.add(new DifferingRecord(id, fields));
                }
            }
        }
        return Optional.of(new Comparison(name, original, compared, differing, compared - differing, byField,
                missing(ids, originals, cloned), missing(ids, cloned, originals), shown, findings));
    }

    /** The payload the sync makes of each of the rows with {@code ids}, by source id; invalid rows have none. */
    private Map<String, Map<String, Object>> payloads(String sync, List<String> ids, List<String> findings) {
        RecordTrace trace = RecordTrace.dryRunOfAll(ids.size());
        launcher.runTraced(sync, Trigger.API, RunScope.keys(ids), trace);
        trace.findings().forEach(finding -> findings.add(sync + ": " + finding));
        Map<String, Map<String, Object>> payloads = new LinkedHashMap<>();
        for (TracedRecord record : trace.records()) {
            if (record.sourceId() != null && record.payload() != null) {
                payloads.put(record.sourceId(), record.payload());
            }
        }
        return payloads;
    }

    private static Map<String, Values> differences(Map<String, Object> original, Map<String, Object> clone) {
        Map<String, Values> fields = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>(original.keySet());
        names.addAll(clone.keySet());
        for (String field : names) {
            if (!Objects.equals(original.get(field), clone.get(field)) || original.containsKey(field) != clone.containsKey(field)) {
                fields.put(field, new Values(original.get(field), clone.get(field)));
            }
        }
        return fields;
    }

    /** The ids {@code in} has a payload for and {@code notIn} has not. */
    private static List<String> missing(List<String> ids, Map<String, ?> notIn, Map<String, ?> in) {
        return ids.stream().filter(id -> in.containsKey(id) && !notIn.containsKey(id)).toList();
    }
}
