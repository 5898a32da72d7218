package io.writeback.link;

import io.writeback.kernel.LinkStatus;

/**
 * What one record's delivery or evaluation leaves in the link table. A null target id, hash or intent
 * key keeps the stored one (an error never forgets where the record lives, nor marks the failed
 * payload as sent), unless {@code forgetsTarget}: the record is not, or may not be, at the stored target id.
 * {@code rowHash}: the hash of the source row the payload hash was made from; null forgets the stored one.
 */
public record LinkOutcome(String sourceId, String targetId, LinkStatus status, String payloadHash, String intentKey,
        String error, boolean forgetsTarget, Long rowHash) {

    public static LinkOutcome success(String sourceId, String targetId, String payloadHash, Long rowHash) {
        return new LinkOutcome(sourceId, targetId, LinkStatus.SUCCESS, payloadHash, null, null, false, rowHash);
    }

    /** A write that failed; {@code targetId} (may be null: the one stored) is where the record is. */
    public static LinkOutcome error(String sourceId, String targetId, String error) {
        return new LinkOutcome(sourceId, targetId, LinkStatus.ERROR, null, null, error, false, null);
    }

    /** A create that failed: whatever target record the link pointed at before is gone, and is forgotten. */
    public static LinkOutcome createFailed(String sourceId, String error) {
        return new LinkOutcome(sourceId, null, LinkStatus.ERROR, null, null, error, true, null);
    }

    /**
     * An insert may have landed, and nothing can tell yet: the link stays pending, with why and the key
     * it was sent under (null: the one stored), for the next run or an operator to settle; any target id
     * from before is forgotten.
     */
    public static LinkOutcome unknown(String sourceId, String intentKey, String why) {
        return new LinkOutcome(sourceId, null, LinkStatus.PENDING, null, intentKey, why, true, null);
    }

    public static LinkOutcome deleted(String sourceId) {
        return new LinkOutcome(sourceId, null, LinkStatus.DELETED, null, null, null, false, null);
    }

    /** The target record is gone and the link forgets it, saying {@code why}: the row counts as never sent. */
    public static LinkOutcome unlinked(String sourceId, String why) {
        return new LinkOutcome(sourceId, null, LinkStatus.DELETED, null, null, why, true, null);
    }

    /** Not sent: a record it refers to is not in the target yet; {@code why} says which. */
    public static LinkOutcome waiting(String sourceId, String why) {
        return new LinkOutcome(sourceId, null, LinkStatus.WAITING, null, null, why, false, null);
    }

    /** The row holds what the paired sync wrote into it: in sync, at the hash of its payload now. */
    public static LinkOutcome echoReadBack(String sourceId, String payloadHash, Long rowHash) {
        return new LinkOutcome(sourceId, null, LinkStatus.SKIPPED_SAME_HASH, payloadHash, null, null, false, rowHash);
    }

    /** The row changed since its payload was sent, but not the payload: not sent, at the row's hash now. */
    public static LinkOutcome unchanged(String sourceId, Long rowHash) {
        return new LinkOutcome(sourceId, null, LinkStatus.SKIPPED_SAME_HASH, null, null, null, false, rowHash);
    }

    /**
     * The row was read by the run and is as it was sent: its link only notes the run (no status of its own:
     * the link keeps its own), for mode mirror to know that the row is still there.
     */
    public static LinkOutcome seen(String sourceId) {
        return new LinkOutcome(sourceId, null, null, null, null, null, false, null);
    }

    /** Whether this outcome only marks the link ({@link #unchanged} or {@link #seen}), in one statement for many. */
    boolean marksOnly() {
        return status == null || status == LinkStatus.SKIPPED_SAME_HASH && payloadHash == null;
    }
}
