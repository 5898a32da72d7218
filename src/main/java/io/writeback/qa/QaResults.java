package io.writeback.qa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a QA check found: counts over every row checked, the rows of each kind it found first, and the findings of
 * the dry run that made the payloads.
 *
 * @param differingByField by field, the records whose target holds another value than the sync sends
 */
public record QaResults(Counts counts, Map<String, Long> differingByField, List<WithoutTarget> withoutTarget,
        List<TargetGone> targetGone, List<Differing> differing, List<String> findings) {

    /** Rows checked, and of them: invalid, without a target record, linked to one that is gone, differing, the same. */
    public record Counts(long rowsChecked, long invalid, long withoutTarget, long targetGone, long differing, long same) {
    }

    /** A row with no record in the target: never sent ({@code linkStatus} null), or sent without success. */
    public record WithoutTarget(String sourceId, String linkStatus) {
    }

    /** A row whose link names a target record the target does not have. */
    public record TargetGone(String sourceId, String targetId) {
    }

    /** A row whose target record holds other values: by field, what the sync sends and what the target holds. */
    public record Differing(String sourceId, String targetId, Map<String, Values> fields) {
    }

    public record Values(JsonNode sent, JsonNode target) {
    }
}
