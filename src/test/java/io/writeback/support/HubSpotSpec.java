package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * HubSpot's published OpenAPI documents (CRM objects v3, associations v4; see
 * {@code src/test/resources/hubspot/SOURCE.md}): checks that a request HubSpot would get goes to an
 * operation HubSpot publishes, and that its JSON body fits that operation's request schema.
 */
public final class HubSpotSpec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DOCUMENTS = List.of("hubspot/crm-objects-v3.json", "hubspot/crm-associations-v4.json");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    private record Operation(String method, Pattern path, String template, String document, String bodySchema) {
    }

    private static final List<Operation> OPERATIONS = operations();

    private HubSpotSpec() {
    }

    /** What is wrong with {@code method path} carrying {@code body} (null: none), by HubSpot's documents; empty when nothing. */
    public static List<String> problems(String method, String path, String body) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Operation operation = OPERATIONS.stream()
                .filter(candidate -> candidate.method().equalsIgnoreCase(method) && candidate.path().matcher(bare).matches())
                // A literal segment (batch/create) is a better match than a path parameter ({objectId}).
                .min(java.util.Comparator.comparingInt(candidate -> candidate.template().split("\\{").length))
                .orElse(null);
        if (operation == null) {
            return List.of(method + " " + bare + " is no operation HubSpot publishes");
        }
        if (operation.bodySchema() == null) {
            return body == null || body.isBlank() ? List.of() : List.of(method + " " + bare + " takes no body");
        }
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:" + operation.document() + operation.bodySchema()));
        List<String> problems = new ArrayList<>();
        schema.validate(read(body)).forEach(error -> problems.add(method + " " + operation.template() + ": " + error.getMessage()));
        return problems;
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (String document : DOCUMENTS) {
            JsonNode spec = load(document);
            for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                Pattern pattern = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
                path.getValue().fields().forEachRemaining(operation -> {
                    JsonNode ref = operation.getValue().at("/requestBody/content/application~1json/schema/$ref");
                    operations.add(new Operation(operation.getKey(), pattern, path.getKey(), document,
                            ref.isMissingNode() ? null : ref.asText()));
                });
            }
        }
        return operations;
    }

    private static JsonNode load(String document) {
        try (InputStream in = HubSpotSpec.class.getClassLoader().getResourceAsStream(document)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null ? "null" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
