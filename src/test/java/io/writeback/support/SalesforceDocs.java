package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests of Salesforce's REST API as its Developer Guide documents them by example (see
 * {@code src/test/resources/salesforce/SOURCE.md}): checks that a request goes to a resource the guide shows,
 * with the method it shows, and that its body has the shape of the guide's example: the same envelope fields
 * of the same JSON types, and records typed by {@code attributes} as the example's are.
 */
public final class SalesforceDocs {

    private static final String DATA = "/services/data/v\\d+\\.\\d+";
    private static final int MAX_RECORDS = 200;

    private record Resource(String method, Pattern path, String example) {
    }

    private static final List<Resource> RESOURCES = List.of(
            new Resource("POST", Pattern.compile(DATA + "/composite/sobjects"), "collections-create.json"),
            new Resource("PATCH", Pattern.compile(DATA + "/composite/sobjects"), "collections-update.json"),
            new Resource("PATCH", Pattern.compile(DATA + "/composite/sobjects/\\w+/(\\w+)"), "collections-upsert.json"),
            new Resource("DELETE", Pattern.compile(DATA + "/composite/sobjects"), null),
            new Resource("POST", Pattern.compile(DATA + "/sobjects/\\w+/?"), "sobject-create.json"),
            new Resource("PATCH", Pattern.compile(DATA + "/sobjects/\\w+/[^/]+"), "sobject-update.json"),
            new Resource("DELETE", Pattern.compile(DATA + "/sobjects/\\w+/[^/]+"), null),
            new Resource("GET", Pattern.compile(DATA + "/sobjects/\\w+/\\w+/[^/]+"), null),
            new Resource("GET", Pattern.compile(DATA + "/query/?"), null));

    private SalesforceDocs() {
    }

    /** What is wrong with {@code method url} carrying {@code body} (null: none), by the guide's examples; empty when nothing. */
    public static List<String> problems(String method, String url, String body) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String query = url.contains("?") ? URLDecoder.decode(url.substring(url.indexOf('?') + 1), StandardCharsets.UTF_8) : "";
        for (Resource resource : RESOURCES) {
            Matcher matched = resource.path().matcher(path);
            if (resource.method().equals(method) && matched.matches()) {
                List<String> problems = new ArrayList<>();
                if (resource.example() == null) {
                    if (body != null && !body.isBlank()) {
                        problems.add(method + " " + path + " takes no body");
                    }
                } else {
                    problems.addAll(shapeProblems(method + " " + path, TestJson.body(body), TestJson.resource("salesforce/" + resource.example())));
                    if (matched.groupCount() > 0) {
                        TestJson.body(body).path("records").forEach(record -> {
                            if (!record.has(matched.group(1))) {
                                problems.add(method + " " + path + ": a record lacks the external id field " + matched.group(1));
                            }
                        });
                    }
                }
                problems.addAll(queryProblems(method, path, query));
                return problems;
            }
        }
        return List.of(method + " " + path + " is no request the REST API Developer Guide shows");
    }

    private static List<String> queryProblems(String method, String path, String query) {
        List<String> problems = new ArrayList<>();
        if (method.equals("DELETE") && path.endsWith("/composite/sobjects")) {
            Matcher ids = Pattern.compile("ids=([^&]+)").matcher(query);
            if (!ids.find() || ids.group(1).split(",").length > MAX_RECORDS || !query.contains("allOrNone=false")) {
                problems.add("DELETE " + path + " needs ids (at most " + MAX_RECORDS + ") and allOrNone=false, not '" + query + "'");
            }
        }
        if (path.matches(".*/query/?") && !query.matches("q=SELECT .+ FROM .+")) {
            problems.add("GET " + path + " needs a SOQL query q=SELECT ... FROM ..., not '" + query + "'");
        }
        return problems;
    }

    /** The body has the example's fields, of the same types; a record list has at most 200 records, each typed like the example's. */
    private static List<String> shapeProblems(String request, JsonNode body, JsonNode example) {
        List<String> problems = new ArrayList<>();
        if (!body.isObject()) {
            return List.of(request + ": the body is not a JSON object");
        }
        if (!example.has("records")) {
            if (body.has("attributes") || body.has("Id")) {
                problems.add(request + ": a single record's body carries neither attributes nor its Id");
            }
            return problems;
        }
        for (Iterator<String> names = example.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!body.has(name) || body.get(name).getNodeType() != example.get(name).getNodeType()) {
                problems.add(request + ": " + name + " should be a " + example.get(name).getNodeType() + " as in the guide");
            }
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!example.has(name)) {
                problems.add(request + ": the guide's example has no field " + name);
            }
        });
        JsonNode records = body.path("records");
        if (records.size() > MAX_RECORDS || records.isEmpty()) {
            problems.add(request + ": " + records.size() + " records, where the guide allows 1 to " + MAX_RECORDS);
        }
        boolean withIds = example.at("/records/0").has("id");
        for (JsonNode record : records) {
            if (!record.at("/attributes/type").isTextual() || record.path("attributes").size() != 1) {
                problems.add(request + ": a record's attributes should be {\"type\": ...} as in the guide, not " + record.path("attributes"));
            }
            if (record.has("id") != withIds) {
                problems.add(request + ": " + (withIds ? "a record lacks its id" : "a record carries an id the guide's example has not"));
            }
        }
        return problems;
    }
}
