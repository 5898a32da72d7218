package io.writeback.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {name}} placeholders in configured paths and bodies, filled from a record's values; a dotted name
 * ({@code {emails.0.value}}) reaches into nested ones.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    private Placeholders() {
    }

    /** {@code template} with each placeholder replaced by its value, escaped by {@code escape}; null when a value is missing. */
    public static String fill(String template, Map<String, Object> values, UnaryOperator<String> escape) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            Object value = PayloadPaths.at(values, placeholder.group(1));
            if (value == null) {
                return null;
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(escape.apply(value.toString())));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    /** The names of the placeholders in {@code template}, in order. */
    public static List<String> names(String template) {
        List<String> names = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }
}
