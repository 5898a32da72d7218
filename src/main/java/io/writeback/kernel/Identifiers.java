package io.writeback.kernel;

import java.util.regex.Pattern;

/** Names that Writeback puts into SQL as identifiers: they must be plain, so quoting is enough. */
public final class Identifiers {

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SYNC = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private Identifiers() {
    }

    public static boolean isColumn(String name) {
        return name != null && COLUMN.matcher(name).matches();
    }

    public static boolean isSyncName(String name) {
        return name != null && SYNC.matcher(name).matches();
    }

    /** A column or sync name checked above, double-quoted for PostgreSQL. */
    public static String quote(String name) {
        if (!isColumn(name)) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        return '"' + name + '"';
    }
}
