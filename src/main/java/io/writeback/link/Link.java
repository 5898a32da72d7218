package io.writeback.link;

/** A link row as the plan needs it: where the record is in the target and what was last sent. */
public record Link(String sourceId, String targetId, LinkStatus status, String payloadHash, int attempts) {
}
