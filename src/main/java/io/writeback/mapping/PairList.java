package io.writeback.mapping;

import java.util.ArrayList;
import java.util.List;

/** Splits "a=b, c='d, e'" on the commas outside single quotes. */
final class PairList {

    private PairList() {
    }

    static List<String> split(String text) {
        List<String> entries = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return entries;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                addIfPresent(entries, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote in '" + text.strip() + "'");
        }
        addIfPresent(entries, current);
        return entries;
    }

    static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static void addIfPresent(List<String> entries, StringBuilder entry) {
        String stripped = entry.toString().strip();
        if (!stripped.isEmpty()) {
            entries.add(stripped);
        }
    }
}
