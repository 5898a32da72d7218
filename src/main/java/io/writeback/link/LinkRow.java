package io.writeback.link;

import java.time.OffsetDateTime;

/** A whole link row, as the API explains a record with it. */
public record LinkRow(String sourceId, String targetId, String status, String payloadHash, OffsetDateTime firstSyncedAt,
        OffsetDateTime lastSyncedAt, String lastError, int attempts, Long lastRunId, String writeBackError) {
}
