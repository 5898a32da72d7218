package io.writeback.run;

import io.writeback.kernel.RunTotals;
import java.time.OffsetDateTime;

/** A run as the API shows it. */
public record RunView(long id, String sync, String trigger, String status, OffsetDateTime queuedAt,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, Long durationMillis, RunTotals counts, String error) {
}
