package io.writeback.link;

/** A link row as the plan needs it: where the record is in the target, what was last sent, and by which run. */
public record Link(String sourceId, String targetId, LinkStatus status, String payloadHash, int attempts, Long lastRunId) {
}
