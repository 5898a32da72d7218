package io.writeback.kernel;

import java.util.List;

/** The parameters of one {@code writeback:} stage in a sync file, bound from its endpoint URI. */
public interface StageOptions {

    /** Adds a sentence to {@code problems} for every value that cannot work. */
    void check(List<String> problems);

    /** The connections and databases these options name, checked against the configuration. */
    default References references() {
        return References.NONE;
    }
}
