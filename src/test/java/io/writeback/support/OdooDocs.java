package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests to Odoo's external JSON-2 API as its reference documents them (see
 * {@code src/test/resources/odoo/SOURCE.md}): the URL and headers, and a body holding the called method's
 * parameters by name with the types the ORM takes, a {@code search_read} shaped as the reference's example.
 */
public final class OdooDocs {

    private static final Pattern CALL = Pattern.compile("/json/2/([a-z0-9_]+(?:\\.[a-z0-9_]+)+)/([a-z_]+)");
    /** The parameters each method called takes, by name. */
    private static final Map<String, Set<String>> PARAMETERS = Map.of("create", Set.of("vals_list", "context"),
            "write", Set.of("ids", "vals", "context"), "unlink", Set.of("ids", "context"),
            "search_read", Set.of("domain", "fields", "offset", "limit", "order", "context"));
    private static final JsonNode SEARCH_READ_EXAMPLE = TestJson.resource("odoo/search_read.json");

    private OdooDocs() {
    }

    /** What is wrong with a request, by the reference; empty when nothing. */
    public static List<String> problems(String method, String url, Map<String, String> headers, String body) {
        Matcher call = CALL.matcher(url);
        if (!method.equals("POST") || !call.matches()) {
            return List.of(method + " " + url + " is not POST /json/2/<model>/<method>");
        }
        String name = call.group(2);
        List<String> problems = new ArrayList<>();
        String request = "POST " + url;
        if (!headers.getOrDefault("Authorization", "").toLowerCase().startsWith("bearer ")) {
            problems.add(request + ": Authorization is not bearer followed by an API key");
        }
        if (headers.getOrDefault("X-Odoo-Database", "").isBlank()) {
            problems.add(request + ": no X-Odoo-Database");
        }
        if (!headers.getOrDefault("Content-Type", "").startsWith("application/json")) {
            problems.add(request + ": Content-Type is not application/json");
        }
        JsonNode json = TestJson.body(body);
        Set<String> parameters = PARAMETERS.get(name);
        if (parameters == null || !json.isObject()) {
            return List.of(request + ": " + (parameters == null ? "a method the profile does not call" : "the body is no JSON object"));
        }
        json.fieldNames().forEachRemaining(parameter -> {
            if (!parameters.contains(parameter)) {
                problems.add(request + ": " + name + " takes no parameter " + parameter);
            }
        });
        problems.addAll(typeProblems(request, name, json));
        return problems;
    }

    private static List<String> typeProblems(String request, String name, JsonNode json) {
        List<String> problems = new ArrayList<>();
        if (json.has("ids") && !allOf(json.get("ids"), JsonNode::isIntegralNumber)) {
            problems.add(request + ": ids should be a list of integers, not " + json.get("ids"));
        }
        switch (name) {
            case "create" -> {
                if (!allOf(json.path("vals_list"), JsonNode::isObject) || json.path("vals_list").isEmpty()) {
                    problems.add(request + ": vals_list should be a list of objects");
                }
            }
            case "write" -> {
                if (!json.path("vals").isObject() || json.path("ids").isEmpty()) {
                    problems.add(request + ": write needs ids and vals, an object");
                }
            }
            case "unlink" -> {
                if (json.path("ids").isEmpty()) {
                    problems.add(request + ": unlink needs ids");
                }
            }
            default -> {
                for (String field : List.of("domain", "fields")) {
                    if (json.path(field).getNodeType() != SEARCH_READ_EXAMPLE.get(field).getNodeType()) {
                        problems.add(request + ": " + field + " should be a list, as in the reference's example");
                    }
                }
                if (!allOf(json.path("domain"), term -> term.isArray() && term.size() == 3 && term.get(0).isTextual()
                        && term.get(1).isTextual())) {
                    problems.add(request + ": each domain term should be [field, operator, value], as in the reference's example");
                }
            }
        }
        return problems;
    }

    /**
     * What is wrong with a JSON-RPC call, by the External RPC API's examples: {@code {"jsonrpc": "2.0", "method": "call",
     * "params": {"service", "method", "args"}, "id"}} posted to {@code /jsonrpc}; {@code common.login} with the
     * database, login and key; {@code object.execute_kw} with the database, the user id, the key, the model, the
     * method, its arguments by position (the ids first for a method on records) and its keyword arguments.
     */
    public static List<String> rpcProblems(String method, String url, String body) {
        JsonNode call = TestJson.body(body);
        String request = method + " " + url;
        if (!method.equals("POST") || !url.equals("/jsonrpc") || !call.path("jsonrpc").asText().equals("2.0")
                || !call.path("method").asText().equals("call") || !call.has("id")) {
            return List.of(request + ": not a JSON-RPC 2.0 call posted to /jsonrpc");
        }
        JsonNode args = call.at("/params/args");
        String service = call.at("/params/service").asText() + "." + call.at("/params/method").asText();
        if (service.equals("common.login")) {
            return args.size() == 3 && allOf(args, JsonNode::isTextual) ? List.of()
                    : List.of(request + ": common.login takes the database, the login and the key");
        }
        if (!service.equals("object.execute_kw") || args.size() != 7 || !args.get(1).isIntegralNumber() || !args.get(5).isArray()
                || !args.get(6).isObject()) {
            return List.of(request + ": " + service + " is not execute_kw(db, uid, key, model, method, args, kwargs)");
        }
        JsonNode positional = args.get(5);
        boolean shaped = switch (args.get(4).asText()) {
            case "create" -> positional.size() == 1 && allOf(positional.get(0), JsonNode::isObject);
            case "write" -> positional.size() == 2 && allOf(positional.get(0), JsonNode::isIntegralNumber)
                    && positional.get(1).isObject();
            case "unlink" -> positional.size() == 1 && allOf(positional.get(0), JsonNode::isIntegralNumber);
            case "search_read" -> positional.size() == 1 && positional.get(0).isArray();
            default -> false;
        };
        return shaped ? List.of() : List.of(request + ": " + args.get(4) + " with arguments " + positional + " unlike the examples");
    }

    private static boolean allOf(JsonNode list, java.util.function.Predicate<JsonNode> test) {
        if (!list.isArray()) {
            return false;
        }
        for (JsonNode item : list) {
            if (!test.test(item)) {
                return false;
            }
        }
        return true;
    }
}
