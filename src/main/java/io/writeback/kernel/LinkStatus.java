package io.writeback.kernel;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The state of a source record in its target, as kept in the link table. */
public enum LinkStatus {
    SUCCESS("success"),
    ERROR("error"),
    SKIPPED_SAME_HASH("skipped-same-hash"),
    PENDING("pending"),
    DELETED("deleted"),
    /** Not sent: a record it refers to through a relation has no link yet; later runs try again. */
    WAITING("waiting");

    private static final Pattern NAME_IN_SQL = Pattern.compile("\\{([A-Z_]+)}");

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

    /** {@code sql} with each {@code {NAME}} of a status (as in {@code status = {PENDING}}) replaced by its quoted value. */
    public static String inSql(String sql) {
        Matcher name = NAME_IN_SQL.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (name.find()) {
            name.appendReplacement(out, "'" + valueOf(name.group(1)).dbValue + "'");
        }
        return name.appendTail(out).toString();
    }

    /** True when the target holds the record as last hashed. */
    public boolean inSync() {
        return this == SUCCESS || this == SKIPPED_SAME_HASH;
    }
}
