package io.writeback.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a source row into the payload sent to the destination.
 *
 * <p>With no fields listed, every column passes through under its own name (SQL aliases rename),
 * except the ones the sync uses for bookkeeping. Listed fields are {@code target=source} pairs or
 * bare column names; constants are {@code target=value} pairs added to every payload.
 */
public final class FieldMapping {

    private final Map<String, String> fields;
    private final Map<String, String> constants;

    private FieldMapping(Map<String, String> fields, Map<String, String> constants) {
        this.fields = fields;
        this.constants = constants;
    }

    public static FieldMapping identity() {
        return new FieldMapping(Map.of(), Map.of());
    }

    /**
     * Parses {@code fields} ("name=fullname, email") and {@code constants} ("source=warehouse,
     * note='a, b'"); either may be null.
     *
     * @throws IllegalArgumentException naming the entry that cannot be read
     */
    public static FieldMapping parse(String fields, String constants) {
        Map<String, String> fieldMap = new LinkedHashMap<>();
        for (String entry : PairList.split(fields)) {
            int eq = entry.indexOf('=');
            String target = (eq < 0 ? entry : entry.substring(0, eq)).strip();
            String source = (eq < 0 ? entry : entry.substring(eq + 1)).strip();
            requireName("fields", entry, target);
            requireName("fields", entry, source);
            if (fieldMap.put(target, source) != null) {
                throw new IllegalArgumentException("fields: target field '" + target + "' is mapped twice");
            }
        }
        Map<String, String> constantMap = new LinkedHashMap<>();
        for (String entry : PairList.split(constants)) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("constants: '" + entry + "' needs the form target=value");
            }
            String target = entry.substring(0, eq).strip();
            requireName("constants", entry, target);
            if (fieldMap.containsKey(target) || constantMap.put(target, PairList.unquote(entry.substring(eq + 1).strip())) != null) {
                throw new IllegalArgumentException("constants: target field '" + target + "' is mapped twice");
            }
        }
        return new FieldMapping(Collections.unmodifiableMap(fieldMap), Collections.unmodifiableMap(constantMap));
    }

    private static void requireName(String parameter, String entry, String name) {
        if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
            throw new IllegalArgumentException(parameter + ": '" + entry + "' is not a field name or target=source pair");
        }
    }

    /** The source columns the mapping reads that {@code columns} lacks. */
    public List<String> missingColumns(Set<String> columns) {
        List<String> missing = new ArrayList<>();
        fields.values().stream().filter(c -> !columns.contains(c)).forEach(missing::add);
        return missing;
    }

    /** The payload for {@code row}, leaving out {@code bookkeeping} columns when passing everything through. */
    public Map<String, Object> apply(Map<String, Object> row, Set<String> bookkeeping) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (fields.isEmpty()) {
            row.forEach((column, value) -> {
                if (!bookkeeping.contains(column)) {
                    payload.put(column, value);
                }
            });
        } else {
            fields.forEach((target, source) -> payload.put(target, row.get(source)));
        }
        payload.putAll(constants);
        return payload;
    }

    /**
     * A canonical description of the mapping, part of every payload hash so that a changed mapping
     * re-sends: entries sorted by target, so that listing the same fields in another order changes nothing.
     */
    public String fingerprint() {
        return "fields" + new TreeMap<>(fields) + ";constants" + new TreeMap<>(constants);
    }
}
