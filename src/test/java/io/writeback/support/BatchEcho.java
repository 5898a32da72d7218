package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A bulk create endpoint for WireMock stubs that ask for it: it answers {@code {"results": [{"id": name}, ...]}}
 * in the order of {@code inputs}, or refuses the whole batch (400) when any input's name starts with "BAD".
 */
public class BatchEcho extends JsonAnswer {

    public static final String NAME = "batch-echo";

    @Override
    protected Answer answer(JsonNode request, String url) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (JsonNode input : request.path("inputs")) {
            String name = input.path("name").asText();
            if (name.startsWith("BAD")) {
                return new Answer(400, "{\"error\": \"invalid input " + name + "\"}");
            }
            results.addObject().put("id", name);
        }
        return new Answer(200, answer.toString());
    }

    @Override
    public String getName() {
        return NAME;
    }
}
