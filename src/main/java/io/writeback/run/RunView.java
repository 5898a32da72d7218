package io.writeback.run;

import io.writeback.kernel.RunTotals;
import java.time.OffsetDateTime;

/**
 * A run as the API shows it. {@code estimatedRows}: the planner's estimate of the rows its query returns;
 * {@code etaSeconds}: while it runs, the time left at its pace so far, by that estimate; {@code before}: what
 * ran before its query was read (a refresh, an upstream job); {@code syncVersion}: the version of its sync file it ran;
 * {@code unchangedKeptBack}: PostgreSQL kept back the rows unchanged since they were sent, so the counts are of the
 * rows the run read (new, changed, failed, waiting).
 */
public record RunView(long id, String sync, String trigger, String status, OffsetDateTime queuedAt,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, Long durationMillis, RunTotals counts, String error,
        Long estimatedRows, Long etaSeconds, String before, Long syncVersion, String node, OffsetDateTime scheduledFor,
        boolean unchangedKeptBack) {
}
