package io.writeback.sync;

import io.writeback.component.CheckedStages.CheckedStage;
import io.writeback.kernel.StageOptions;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.util.URISupport;

/** Reads one {@code writeback:} step of a sync file into its options, as the running component would. */
final class StageReader {

    private StageReader() {
    }

    /**
     * The options of one stage step; null when unreadable, with the reasons in {@code found}. Property
     * placeholders are refused: {@code {{env:...}}} would put the environment (its secrets) into a query
     * or a payload, where anyone who can edit a sync file could read it back from the destination.
     */
    static StageOptions read(CamelContext camel, ToDefinition step, List<String> found) {
        try {
            List<String> placeholders = parameters(step.getEndpointUri()).entrySet().stream()
                    .filter(parameter -> String.valueOf(parameter.getValue()).contains("{{"))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!placeholders.isEmpty()) {
                found.add("parameter " + String.join(", ", placeholders) + ": property placeholders ({{...}}) are not "
                        + "expanded in writeback: parameters, so that no setting or environment variable can reach a "
                        + "payload; write the value itself");
                return null;
            }
            CheckedStage stage = camel.getEndpoint(step.getEndpointUri(), CheckedStage.class);
            found.addAll(stage.problems());
            return stage.options();
        } catch (RuntimeException e) {
            found.add(rootMessage(e));
            return null;
        }
    }

    static Map<String, Object> parameters(String uri) {
        int query = uri.indexOf('?');
        try {
            return query < 0 ? new LinkedHashMap<>() : URISupport.parseQuery(uri.substring(query + 1));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("unreadable parameters in " + uri + ": " + e.getMessage(), e);
        }
    }

    /** The message of {@code e} with those of its causes that add something. */
    static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
