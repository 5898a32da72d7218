package io.writeback.clone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.writeback.component.StageKind;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.util.URISupport;

/**
 * The sync file of a clone, made from its original's: the same steps under the clone's name, run on
 * demand only, delivering to the clone's connection and object, with the changes asked for. What would
 * reach beyond the clone's own target and link table is left out: the upstream pipeline (beforeSql,
 * beforeJob), the other direction of a pair, another sync's links, and target ids written back.
 */
final class CloneFile {

    /** Stages whose parameters a clone may change; the deliver stage takes the clone's connection and object. */
    static final Set<String> CHANGEABLE = Set.of(StageKind.SOURCE.stageName(), StageKind.MAP.stageName(),
            StageKind.TRANSFORM.stageName(), StageKind.PLAN.stageName());

    private static final Map<String, Set<String>> LEFT_OUT = Map.of(
            StageKind.SOURCE.stageName(), Set.of("beforeSql", "beforeJob", "pair", "linksOf"),
            StageKind.DELIVER.stageName(), Set.of("writeBackSql", "writeBackDatabase", "writeBackConnection", "writeBackPath",
                    "writeBackMethod", "writeBackBody"));

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES, YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    private CloneFile() {
    }

    /**
     * The clone's sync file text.
     *
     * @param changes by stage name, parameters to set (a null value removes the parameter)
     * @throws IllegalArgumentException when the original has no such route, or a change cannot be made
     */
    static String of(String originalText, String original, String clone, String connection, String object,
            Map<String, Map<String, Object>> changes, String description) {
        changes.forEach((stage, parameters) -> {
            if (!CHANGEABLE.contains(stage)) {
                throw new IllegalArgumentException("'changes' may name the stages " + String.join(", ", CHANGEABLE.stream()
                        .sorted().toList()) + ", not '" + stage + "' (the connection and object are given on their own)");
            }
            parameters.keySet().stream().filter(LEFT_OUT.getOrDefault(stage, Set.of())::contains).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("a clone leaves '" + name + "' out of writeback:" + stage
                        + ": it would reach beyond the clone's own target and links");
            });
        });
        ObjectNode route = routeOf(read(originalText), original).deepCopy();
        route.put("id", clone);
        route.put("description", description);
        ObjectNode from = (ObjectNode) route.get("from");
        from.put("uri", "direct:clone-" + clone);
        from.remove("parameters");
        rewriteStages(from.path("steps"), connection, object, changes);
        ArrayNode file = JsonNodeFactory.instance.arrayNode();
        file.addObject().set("route", route);
        try {
            return YAML.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the clone's file cannot be written: " + e.getMessage(), e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the original's file cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode routeOf(JsonNode file, String name) {
        for (JsonNode element : file) {
            if (element.path("route") instanceof ObjectNode route && name.equals(route.path("id").asText())
                    && route.path("from") instanceof ObjectNode) {
                return route;
            }
        }
        throw new IllegalArgumentException("the original's file holds no route with id '" + name + "'");
    }

    private static void rewriteStages(JsonNode node, String connection, String object,
            Map<String, Map<String, Object>> changes) {
        if (node instanceof ObjectNode step && step.has("to")) {
            stage(step.get("to")).ifPresent(kind -> {
                ObjectNode to = normalized(step.get("to"));
                step.set("to", to);
                ObjectNode parameters = (ObjectNode) to.get("parameters");
                LEFT_OUT.getOrDefault(kind.stageName(), Set.of()).forEach(parameters::remove);
                changes.getOrDefault(kind.stageName(), Map.of()).forEach((name, value) -> {
                    if (value == null) {
                        parameters.remove(name);
                    } else {
                        parameters.set(name, YAML.valueToTree(value));
                    }
                });
                if (kind == StageKind.DELIVER) {
                    parameters.put("connection", connection);
                    parameters.put("object", object);
                }
            });
        }
        node.forEach(child -> rewriteStages(child, connection, object, changes));
    }

    private static Optional<StageKind> stage(JsonNode to) {
        return StageKind.ofUri(to.isTextual() ? to.asText() : to.path("uri").asText(null));
    }

    /** A {@code to} step as {@code {uri: writeback:<stage>, parameters: {...}}}, parameters in its URI moved among them. */
    private static ObjectNode normalized(JsonNode to) {
        String uri = to.isTextual() ? to.asText() : to.path("uri").asText();
        ObjectNode normal = to.isObject() ? ((ObjectNode) to).deepCopy() : JsonNodeFactory.instance.objectNode();
        ObjectNode parameters = normal.path("parameters") instanceof ObjectNode given ? given
                : JsonNodeFactory.instance.objectNode();
        int query = uri.indexOf('?');
        if (query >= 0) {
            try {
                URISupport.parseQuery(uri.substring(query + 1)).forEach((name, value) -> {
                    if (!parameters.has(name)) {
                        parameters.put(name, String.valueOf(value));
                    }
                });
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("unreadable parameters in " + uri + ": " + e.getMessage(), e);
            }
            uri = uri.substring(0, query);
        }
        normal.put("uri", uri);
        normal.set("parameters", parameters);
        return normal;
    }
}
