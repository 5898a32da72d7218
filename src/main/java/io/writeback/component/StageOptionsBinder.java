package io.writeback.component;

import io.writeback.kernel.StageOptions;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * Binds endpoint parameters onto a stage's options object, the same way at runtime and in
 * validation, so that both accept and reject exactly the same files.
 */
public final class StageOptionsBinder {

    private StageOptionsBinder() {
    }

    /** Binds what it can and returns one sentence per parameter that is unknown or of the wrong type. */
    public static List<String> bind(CamelContext camelContext, StageKind kind, StageOptions options,
            Map<String, Object> parameters) {
        LineBreaks.restore(parameters);
        Map<String, Object> remaining = new LinkedHashMap<>(parameters);
        List<String> problems = new java.util.ArrayList<>();
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            Map<String, Object> single = new LinkedHashMap<>(Map.of(parameter.getKey(), parameter.getValue()));
            try {
                PropertyBindingSupport.build()
                        .withCamelContext(camelContext)
                        .withTarget(options)
                        .withProperties(single)
                        .withRemoveParameters(true)
                        .withIgnoreCase(true)
                        .withReflection(true)
                        .bind();
                if (single.isEmpty()) {
                    remaining.remove(parameter.getKey());
                }
            } catch (RuntimeException e) {
                remaining.remove(parameter.getKey());
                problems.add("parameter '" + parameter.getKey() + "' of " + kind.uri() + " has a value that does not fit: "
                        + rootMessage(e));
            }
        }
        for (String unknown : remaining.keySet()) {
            problems.add("unknown parameter '" + unknown + "' for " + kind.uri() + " (known: "
                    + String.join(", ", knownNames(options.getClass())) + ")");
        }
        return problems;
    }

    static TreeSet<String> knownNames(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        Arrays.stream(type.getMethods())
                .map(Method::getName)
                .filter(name -> name.startsWith("set") && name.length() > 3)
                .map(name -> Introspector.decapitalize(name.substring(3)))
                .forEach(names::add);
        return names;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
