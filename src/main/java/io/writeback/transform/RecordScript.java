package io.writeback.transform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import org.apache.camel.spi.ScriptingLanguage;

/**
 * One transform script, run on one record at a time with the bindings a sync file's author sees:
 * {@code payload} (changed in place), {@code row} (read only), {@code insert}, {@code update},
 * {@code targetId} and {@code skip(reason)}.
 */
final class RecordScript {

    private final ScriptingLanguage groovy;
    private final String script;

    RecordScript(ScriptingLanguage groovy, String script) {
        this.groovy = groovy;
        this.script = script;
    }

    /**
     * Runs the script on {@code payload}, which it may change; {@code targetId} is null for an insert, and
     * may be for an update. Returns why the script skipped the record, or null when it goes on.
     */
    String run(Map<String, Object> payload, Map<String, Object> row, boolean insert, String targetId) {
        Skip skip = new Skip();
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("payload", payload);
        bindings.put("row", Collections.unmodifiableMap(row));
        bindings.put("insert", insert);
        bindings.put("update", !insert);
        bindings.put("targetId", targetId);
        bindings.put("skip", skip);
        groovy.evaluate(script, bindings, Object.class);
        payload.replaceAll((field, value) -> plain(value));
        return skip.reason;
    }

    /** {@code skip("why")} in a script: the record is not sent, and the run reports it as skipped with the reason. */
    public static final class Skip {

        private String reason;

        public void call(String reason) {
            this.reason = reason == null || reason.isBlank() ? "skipped by writeback:transform" : reason;
        }

        public void call() {
            call(null);
        }
    }

    /** Groovy's interpolated strings ({@code "${row.city}"}) become plain strings, at any depth. */
    @SuppressWarnings("unchecked")
    private static Object plain(Object value) {
        if (value instanceof CharSequence text && !(value instanceof String)) {
            return text.toString();
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) map).entrySet()) {
                Object converted = plain(entry.getValue());
                if (converted != entry.getValue()) {
                    entry.setValue(converted);
                }
            }
        } else if (value instanceof List<?> list) {
            for (ListIterator<Object> items = ((List<Object>) list).listIterator(); items.hasNext(); ) {
                Object item = items.next();
                Object converted = plain(item);
                if (converted != item) {
                    items.set(converted);
                }
            }
        }
        return value;
    }

    /** A copy of {@code payload} whose nested maps and lists are copies too, for a second run of the script. */
    static Map<String, Object> deepCopy(Map<String, Object> payload) {
        Map<String, Object> copy = new LinkedHashMap<>();
        payload.forEach((field, value) -> copy.put(field, copyOf(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copyOf(item)));
            return copy;
        }
        return value;
    }
}
