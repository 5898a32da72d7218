package io.writeback.kernel;

import java.util.List;

/**
 * Which source rows a run reads: all of them (from the bookmark on, for an incremental sync), or
 * only the rows with the given keys, whatever the bookmark.
 */
public record RunScope(List<String> keys) {

    public static final RunScope ALL = new RunScope(null);

    public static RunScope keys(List<String> keys) {
        return new RunScope(List.copyOf(keys));
    }

    public boolean all() {
        return keys == null;
    }
}
