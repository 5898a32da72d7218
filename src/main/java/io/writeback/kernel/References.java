package io.writeback.kernel;

import java.util.List;
import java.util.stream.Stream;

/** The connections and databases a stage's options name, each of which must be configured for the sync to run. */
public record References(List<String> connections, List<String> databases) {

    public static final References NONE = new References(List.of(), List.of());

    public static References of(List<String> connections, List<String> databases) {
        return new References(withoutNulls(connections), withoutNulls(databases));
    }

    private static List<String> withoutNulls(List<String> names) {
        return names.stream().flatMap(Stream::ofNullable).toList();
    }
}
