package io.writeback.kernel;

import java.util.List;

/**
 * Which source rows a run reads: all of them (from the bookmark on, for an incremental sync); only the
 * rows with the given keys, whatever the bookmark; or, for a dry run that checks a sync's target, every row
 * of the query whatever the bookmark, or the first {@code firstRows} of them.
 */
public record RunScope(List<String> keys, boolean everyRow, Integer firstRows) {

    public static final RunScope ALL = new RunScope(null, false, null);

    public static RunScope keys(List<String> keys) {
        return new RunScope(List.copyOf(keys), false, null);
    }

    /** Every row of the query, the bookmark left aside; only the first {@code firstRows} when not null. */
    public static RunScope everyRow(Integer firstRows) {
        return new RunScope(null, true, firstRows);
    }

    /** A run over the rows from the bookmark on: the one that moves it. */
    public boolean all() {
        return keys == null && !everyRow;
    }
}
