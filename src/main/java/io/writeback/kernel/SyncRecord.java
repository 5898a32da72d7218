package io.writeback.kernel;

import java.util.Map;

/**
 * One source row on its way through a sync: read by the source, given a payload by the mapping,
 * an action by the plan, and an outcome by the delivery. Custom steps may change the payload
 * between mapping and plan.
 */
public final class SyncRecord {

    private final String sourceId;
    private final Map<String, Object> row;
    private String cursorValue;
    private Long rowHash;
    private Map<String, Object> payload;
    private String payloadHash;
    private String hashAfterInsert;
    private Link link;
    private boolean linkLookedUp;
    private Action action;
    private String reason;

    public SyncRecord(String sourceId, Map<String, Object> row) {
        this.sourceId = sourceId;
        this.row = row;
    }

    public static SyncRecord invalid(Map<String, Object> row, String reason) {
        SyncRecord record = new SyncRecord(null, row);
        record.decide(Action.INVALID, reason);
        return record;
    }

    /** A linked record whose row left the source (mode mirror): it has no row, and its action is decided. */
    public static SyncRecord vanished(Link link, Action action) {
        SyncRecord record = new SyncRecord(link.sourceId(), Map.of());
        record.setLink(link);
        record.decide(action, "its row is no longer in the query's result");
        return record;
    }

    public String sourceId() {
        return sourceId;
    }

    public Map<String, Object> row() {
        return row;
    }

    /** The row's cursor value, in its text form, when it was read by the bookmarked pass of a run. */
    public String cursorValue() {
        return cursorValue;
    }

    public void setCursorValue(String cursorValue) {
        this.cursorValue = cursorValue;
    }

    /** The hash of the row (with the parents' links it refers to) as the query computed it; null for vanished records. */
    public Long rowHash() {
        return rowHash;
    }

    public void setRowHash(Long rowHash) {
        this.rowHash = rowHash;
    }

    public Map<String, Object> payload() {
        return payload;
    }

    public void setPayload(Map<String, Object> payload) {
        this.payload = payload;
    }

    public String payloadHash() {
        return payloadHash;
    }

    public void setPayloadHash(String payloadHash) {
        this.payloadHash = payloadHash;
    }

    /**
     * The hash an inserted record's link keeps, when it differs from the insert's: the payload's hash as
     * an update, where a transform sends some fields on insert only. Null: the payload hash.
     */
    public String hashAfterInsert() {
        return hashAfterInsert == null ? payloadHash : hashAfterInsert;
    }

    public void setHashAfterInsert(String hashAfterInsert) {
        this.hashAfterInsert = hashAfterInsert;
    }

    /** The link row from before this run, or null when the record was never synced. */
    public Link link() {
        return link;
    }

    /** Whether the link table was searched for this record's link already (found or not): it need not be again. */
    public boolean linkLookedUp() {
        return linkLookedUp;
    }

    public void setLink(Link link) {
        this.link = link;
        this.linkLookedUp = true;
    }

    public Action action() {
        return action;
    }

    /** Why the record was skipped or is invalid. */
    public String reason() {
        return reason;
    }

    public boolean isInvalid() {
        return action == Action.INVALID;
    }

    public void decide(Action action, String reason) {
        this.action = action;
        this.reason = reason;
    }
}
