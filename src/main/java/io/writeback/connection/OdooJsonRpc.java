package io.writeback.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.writeback.connection.HttpTransport.Answer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Odoo before 19: the profile's JSON-2 calls ({@code POST /json/2/<model>/<method>}, parameters by name) sent as
 * JSON-RPC's {@code execute_kw} on {@code /jsonrpc}, with the database, the user's id (from {@code common.login},
 * once) and the API key in its arguments; the answer's {@code result} read as JSON-2's body, its {@code error}
 * a refusal whose {@code data} ({@code name}, {@code message}) is the body.
 */
final class OdooJsonRpc implements WireFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CALL = Pattern.compile("(.*)/json/2/([^/?]+)/([^/?]+)");
    /** The parameter each method takes first by position, after the ids of a recordset method. */
    private static final Map<String, String> LEADING = Map.of("create", "vals_list", "write", "vals", "search_read", "domain");
    private static final long NOT_LOGGED_IN = -1;

    private final String database;
    private final String login;
    private final Supplier<String> apiKey;
    private final BiFunction<String, String, Answer> post;
    private final AtomicLong uid = new AtomicLong(NOT_LOGGED_IN);
    private final AtomicLong ids = new AtomicLong();

    /** @param post posts JSON to a URL as it is: the login call */
    OdooJsonRpc(String database, String login, Supplier<String> apiKey, BiFunction<String, String, Answer> post) {
        this.database = database;
        this.login = login;
        this.apiKey = apiKey;
        this.post = post;
    }

    @Override
    public Request outgoing(String method, String url, String json) throws IOException {
        Matcher call = CALL.matcher(url);
        if (!call.matches()) {
            throw new IOException("Odoo's JSON-RPC carries model methods only, not " + method + " " + url);
        }
        ObjectNode named = json == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(json);
        ArrayNode positional = JSON.createArrayNode();
        if (named.has("ids")) {
            positional.add(named.remove("ids"));
        }
        String leading = LEADING.get(call.group(3));
        if (leading != null && named.has(leading)) {
            positional.add(named.remove(leading));
        }
        ArrayNode args = JSON.createArrayNode().add(database).add(uid(call.group(1))).add(apiKey.get()).add(call.group(2))
                .add(call.group(3)).add(positional).add(named);
        return new Request("POST", call.group(1) + "/jsonrpc", envelope("object", "execute_kw", args));
    }

    @Override
    public Answer incoming(Answer answer) {
        if (!answer.succeeded() || answer.body() == null) {
            return answer;
        }
        try {
            JsonNode reply = JSON.readTree(answer.body());
            if (reply.has("error")) {
                JsonNode error = reply.get("error");
                return answer.refused("a JSON-RPC error", error.has("data") ? error.get("data").toString() : error.toString());
            }
            return answer.withBody(reply.path("result").toString());
        } catch (IOException e) {
            return answer.refused("an answer that is not JSON-RPC", e.getMessage());
        }
    }

    @Override
    public boolean carriesCredentials() {
        return true;
    }

    @Override
    public void reset() {
        uid.set(NOT_LOGGED_IN);
    }

    /** The user's id, from {@code common.login} the first time. */
    private long uid(String base) throws IOException {
        long known = uid.get();
        if (known != NOT_LOGGED_IN) {
            return known;
        }
        ArrayNode args = JSON.createArrayNode().add(database).add(login).add(apiKey.get());
        Answer answer = post.apply(base + "/jsonrpc", envelope("common", "login", args));
        JsonNode result = answer.succeeded() && answer.body() != null ? JSON.readTree(answer.body()).path("result") : null;
        if (result == null || !result.isIntegralNumber()) {
            throw new IOException("Odoo refused the login of '" + login + "' to database '" + database + "' ("
                    + (answer.status() > 0 ? "HTTP " + answer.status() + ": " + answer.body() : answer.describe("POST", base + "/jsonrpc"))
                    + "); check auth.username and the API key given as auth.password");
        }
        uid.set(result.asLong());
        return result.asLong();
    }

    private String envelope(String service, String method, ArrayNode args) {
        ObjectNode params = JSON.createObjectNode().put("service", service).put("method", method);
        params.set("args", args);
        ObjectNode envelope = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "call");
        envelope.set("params", params);
        return envelope.put("id", ids.incrementAndGet()).toString();
    }

}
