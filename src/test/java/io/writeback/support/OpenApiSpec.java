package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A vendor's published OpenAPI documents, kept under {@code src/test/resources} with their sources: checks
 * that a request goes to an operation the vendor publishes, that its query parameters are the operation's
 * (required ones present, values within their enums), and that its JSON body fits the operation's request
 * schema.
 */
public final class OpenApiSpec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    /** OpenAPI 3.0's schema dialect: draft 4 with its own keywords, such as {@code nullable}. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());

    /** HubSpot's CRM objects v3 and associations v4 (src/test/resources/hubspot/SOURCE.md). */
    public static final OpenApiSpec HUBSPOT = new OpenApiSpec("HubSpot", "",
            List.of("hubspot/crm-objects-v3.json", "hubspot/crm-associations-v4.json"));

    /** Zendesk Support's API, the part the profile calls (src/test/resources/zendesk/SOURCE.md). */
    public static final OpenApiSpec ZENDESK = new OpenApiSpec("Zendesk", "", List.of("zendesk/support-oas-excerpt.yaml"));

    /** Pipedrive's API v2 (src/test/resources/pipedrive/SOURCE.md), served under /api/v2. */
    public static final OpenApiSpec PIPEDRIVE = new OpenApiSpec("Pipedrive", "/api/v2", List.of("pipedrive/openapi-v2.yaml"));

    /** An operation, with the parameters of its path item ({@code spec} holds the operation's own). */
    private record Operation(String method, Pattern path, String template, String document, JsonNode spec,
            JsonNode pathParameters) {
    }

    private final String vendor;
    private final String basePath;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, JsonNode> documents = new java.util.HashMap<>();

    private OpenApiSpec(String vendor, String basePath, List<String> documents) {
        this.vendor = vendor;
        this.basePath = basePath;
        for (String document : documents) {
            JsonNode spec = load(document);
            this.documents.put(document, spec);
            for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                Pattern pattern = Pattern.compile(Pattern.quote(basePath) + path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
                JsonNode pathParameters = path.getValue().path("parameters");
                path.getValue().fields().forEachRemaining(operation -> {
                    if (!operation.getKey().equals("parameters")) {
                        operations.add(new Operation(operation.getKey(), pattern, path.getKey(), document, operation.getValue(),
                                pathParameters));
                    }
                });
            }
        }
    }

    /** What is wrong with {@code method url} carrying {@code body} (null: none), by the vendor's documents; empty when nothing. */
    public List<String> problems(String method, String url, String body) {
        String bare = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        Operation operation = operations.stream()
                .filter(candidate -> candidate.method().equalsIgnoreCase(method) && candidate.path().matcher(bare).matches())
                // A literal segment (batch/create, search) is a better match than a path parameter ({id}).
                .min(Comparator.comparingInt(candidate -> candidate.template().split("\\{").length))
                .orElse(null);
        if (operation == null) {
            return List.of(method + " " + bare + " is no operation " + vendor + " publishes");
        }
        List<String> problems = new ArrayList<>(queryProblems(method, operation, url));
        String request = method + " " + basePath + operation.template();
        JsonNode bodySchema = operation.spec().at("/requestBody/content/application~1json/schema");
        if (bodySchema.isMissingNode()) {
            // A GET or DELETE takes no body; a write whose body the document leaves undescribed cannot be checked.
            if (body != null && !body.isBlank() && (method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("DELETE"))) {
                problems.add(request + " takes no body");
            }
            return problems;
        }
        String pointer = "/paths/" + escape(operation.template()) + "/" + operation.method()
                + "/requestBody/content/application~1json/schema";
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:" + operation.document() + "#" + pointer));
        schema.validate(TestJson.body(body)).forEach(error -> problems.add(request + ": " + error.getInstanceLocation() + ": " + error.getMessage()));
        return problems;
    }

    private List<String> queryProblems(String method, Operation operation, String url) {
        Map<String, JsonNode> declared = new java.util.LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>();
        operation.pathParameters().forEach(parameters::add);
        operation.spec().path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            JsonNode resolved = parameter.has("$ref") ? documents.get(operation.document()).at(parameter.get("$ref").asText()
                    .substring(1)) : parameter;
            if (resolved.path("in").asText().equals("query")) {
                declared.put(resolved.path("name").asText(), resolved);
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> given = new java.util.LinkedHashMap<>();
        if (url.contains("?")) {
            for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                given.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        String request = method + " " + basePath + operation.template();
        given.forEach((name, value) -> {
            JsonNode parameter = declared.get(name);
            JsonNode values = parameter == null ? null : parameter.at("/schema/enum");
            if (parameter == null) {
                problems.add(request + " has no query parameter " + name);
            } else if (values.isArray() && !contains(values, value)) {
                problems.add(request + ": " + name + "=" + value + " is none of " + values);
            } else if (parameter.at("/schema/type").asText().equals("boolean") && !value.matches("true|false")) {
                problems.add(request + ": " + name + " takes true or false, not " + value);
            }
        });
        declared.forEach((name, parameter) -> {
            if (parameter.path("required").asBoolean() && !given.containsKey(name)) {
                problems.add(request + " needs the query parameter " + name);
            }
        });
        return problems;
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode allowed : values) {
            if (allowed.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** A path as one JSON pointer token: {@code ~} and {@code /} escaped. */
    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode load(String document) {
        try (InputStream in = OpenApiSpec.class.getClassLoader().getResourceAsStream(document)) {
            return (document.endsWith(".yaml") ? YAML : JSON).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
