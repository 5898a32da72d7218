package io.writeback.kernel;

/**
 * A link row as the plan needs it: where the record is in the target, what was last sent, by which
 * run, the key of an insert whose outcome was never recorded (status pending), for a paired sync the
 * payload (JSON) its pair last wrote into the record's source row, not yet read back, and why the
 * record's target id could not be written back to the source, while it is owed; {@code rowHash}: the hash
 * of the source row (with the parents' links it refers to) that the payload hash was made from.
 */
public record Link(String sourceId, String targetId, LinkStatus status, String payloadHash, int attempts, Long lastRunId,
        String intentKey, String echo, String writeBackError, Long rowHash) {

    /**
     * Whether a row whose hash is {@code rowHash} is unchanged by this link alone: the link is in sync, owes
     * nothing (no echo to read back, no target id to write back), and holds the hash of a payload made from that
     * very row. The same rule, in SQL: LinkCursor#settledSql, with the row hash compared.
     */
    public boolean unchangedAt(Long rowHash) {
        return status.inSync() && echo == null && targetId != null && writeBackError == null && payloadHash != null
                && rowHash != null && rowHash.equals(this.rowHash);
    }

    /** A record found in the target by a lookup, not yet linked: nothing was sent to it, so no hash. */
    public static Link matched(String sourceId, String targetId) {
        return new Link(sourceId, targetId, LinkStatus.SUCCESS, null, 0, null, null, null, null, null);
    }
}
