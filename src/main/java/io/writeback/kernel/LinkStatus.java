package io.writeback.kernel;

import java.util.Arrays;

/** The state of a source record in its target, as kept in the link table. */
public enum LinkStatus {
    SUCCESS("success"),
    ERROR("error"),
    SKIPPED_SAME_HASH("skipped-same-hash"),
    PENDING("pending"),
    DELETED("deleted"),
    /** Not sent: a record it refers to through a relation has no link yet; later runs try again. */
    WAITING("waiting");

    private final String dbValue;

    LinkStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    public static LinkStatus fromDb(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown link status " + value));
    }

    /** True when the target holds the record as last hashed. */
    public boolean inSync() {
        return this == SUCCESS || this == SKIPPED_SAME_HASH;
    }
}
