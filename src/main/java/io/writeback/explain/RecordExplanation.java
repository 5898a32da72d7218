package io.writeback.explain;

import io.writeback.kernel.RecordTrace.TracedRecord;
import io.writeback.link.LinkRow;
import java.util.List;

/**
 * Why a source record did or did not sync, as {@code GET /api/syncs/{name}/records/{id}} answers.
 *
 * @param inQueryResult      whether the sync's query returns the row now
 * @param behindBookmark     for an incremental sync, whether the row sits before the bookmark (null otherwise)
 * @param nextRun            what the next run would do with it: action, reason, request (a preview)
 * @param pendingDeadLetters failed deliveries of it not yet settled
 * @param findings           anything the preview noticed (a failing query, a missing column)
 */
public record RecordExplanation(String sync, String sourceId, boolean inQueryResult, String bookmark,
        Boolean behindBookmark, LinkRow link, TracedRecord nextRun, long pendingDeadLetters, List<String> findings,
        String explanation) {
}
