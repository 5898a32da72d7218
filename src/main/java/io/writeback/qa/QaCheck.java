package io.writeback.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.delivery.PropertyValues;
import io.writeback.kernel.Link;
import io.writeback.kernel.RecordTrace.TracedRecord;
import io.writeback.link.LinkStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One QA check under way: the payloads a dry run makes of the source rows come in, in batches of a bulk read;
 * each batch's links are looked up and its linked target records read back by id, then each row is counted as
 * without a target record, linked to a gone one, differing or the same. Kept are the first rows of each kind.
 */
final class QaCheck {

    static final int SHOWN = 20;
    static final int BATCH = 100;

    private final LinkStore links;
    private final String linkSync;
    private final TargetRecords target;
    private final ObjectMapper json;
    private final Set<String> notCompared;
    private final List<TracedRecord> batch = new ArrayList<>();
    private final Map<String, Long> differingByField = new TreeMap<>();
    private final List<QaResults.WithoutTarget> withoutTarget = new ArrayList<>();
    private final List<QaResults.TargetGone> targetGone = new ArrayList<>();
    private final List<QaResults.Differing> differing = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private long rows;
    private long invalid;
    private long withoutTargetCount;
    private long targetGoneCount;
    private long differingCount;
    private long same;

    /**
     * @param notCompared fields left out of the comparison: those asked to be, and the object's associations
     */
    QaCheck(LinkStore links, String linkSync, TargetRecords target, ObjectMapper json, Set<String> notCompared) {
        this.links = links;
        this.linkSync = linkSync;
        this.target = target;
        this.json = json;
        this.notCompared = notCompared;
    }

    synchronized void add(TracedRecord record) {
        rows++;
        if (record.sourceId() == null || record.payload() == null) {
            invalid++;
            return;
        }
        batch.add(record);
        if (batch.size() == BATCH) {
            checkBatch();
        }
    }

    synchronized void finding(String finding) {
        findings.add(finding);
    }

    /** Checks the rows that came in since the last full batch. */
    synchronized void finish() {
        if (!batch.isEmpty()) {
            checkBatch();
        }
    }

    synchronized QaResults results() {
        return new QaResults(new QaResults.Counts(rows, invalid, withoutTargetCount, targetGoneCount, differingCount, same),
                new TreeMap<>(differingByField), List.copyOf(withoutTarget), List.copyOf(targetGone), List.copyOf(differing),
                List.copyOf(findings));
    }

    private void checkBatch() {
        Map<String, Link> linked = links.find(linkSync, batch.stream().map(TracedRecord::sourceId).toList());
        List<TracedRecord> inTarget = new ArrayList<>();
        for (TracedRecord record : batch) {
            Link link = linked.get(record.sourceId());
            if (link == null || link.targetId() == null) {
                withoutTargetCount++;
                keep(withoutTarget, new QaResults.WithoutTarget(record.sourceId(), link == null ? null : link.status().dbValue()));
            } else {
                inTarget.add(record);
            }
        }
        Map<String, Map<String, Object>> sent = new LinkedHashMap<>();
        inTarget.forEach(record -> sent.put(record.sourceId(), sentValues(record.payload())));
        Set<String> fields = sent.values().stream().flatMap(values -> values.keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, JsonNode> held = target.read(inTarget.stream().map(record -> linked.get(record.sourceId()).targetId())
                .distinct().toList(), fields);
        for (TracedRecord record : inTarget) {
            String targetId = linked.get(record.sourceId()).targetId();
            JsonNode fieldsHeld = held.get(targetId);
            if (fieldsHeld == null) {
                targetGoneCount++;
                keep(targetGone, new QaResults.TargetGone(record.sourceId(), targetId));
            } else {
                compare(record.sourceId(), targetId, sent.get(record.sourceId()), fieldsHeld);
            }
        }
        batch.clear();
    }

    private void compare(String sourceId, String targetId, Map<String, Object> sent, JsonNode held) {
        Map<String, QaResults.Values> fields = new TreeMap<>();
        sent.forEach((field, value) -> {
            JsonNode sentValue = json.valueToTree(value);
            JsonNode heldValue = held.get(field);
            if (!FieldValues.same(sentValue, heldValue)) {
                fields.put(field, new QaResults.Values(sentValue, heldValue));
            }
        });
        if (fields.isEmpty()) {
            same++;
            return;
        }
        differingCount++;
        fields.keySet().forEach(field -> differingByField.merge(field, 1L, Long::sum));
        keep(differing, new QaResults.Differing(sourceId, targetId, fields));
    }

    /** The payload's values as the connection sends them (all text, for some), without the fields not compared. */
    private Map<String, Object> sentValues(Map<String, Object> payload) {
        Map<String, Object> values = target.endpoints().sendsStrings() ? PropertyValues.asStrings(payload)
                : new LinkedHashMap<>(payload);
        values.keySet().removeAll(notCompared);
        return values;
    }

    private static <T> void keep(List<T> shown, T item) {
        if (shown.size() < SHOWN) {
            shown.add(item);
        }
    }
}
