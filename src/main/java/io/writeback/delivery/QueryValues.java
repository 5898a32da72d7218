package io.writeback.delivery;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Values written into a query language's list ({@code IN ('a', 'b')}): each in single quotes, its
 * backslashes and quotes escaped with a backslash, as SOQL takes them.
 */
final class QueryValues {

    private QueryValues() {
    }

    static String quoted(List<String> values) {
        return values.stream().map(value -> "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(","));
    }
}
