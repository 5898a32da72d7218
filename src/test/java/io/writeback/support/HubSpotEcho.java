package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * HubSpot's batch create, upsert and update, as WireMock plays them: results come back in reverse order
 * (HubSpot does not promise the order), creates echo {@code objectWriteTraceId}, creates and upserts get
 * the id {@code "hs-" + email} (or name, or dealname); an input whose email starts with "bad" gets no
 * result, and the answer is a 207 multi-status with an error for it whose {@code context} names the input
 * (by its {@code objectWriteTraceId}, or its {@code id}).
 */
public class HubSpotEcho extends JsonAnswer {

    public static final String NAME = "hubspot-echo";

    @Override
    protected Answer answer(JsonNode request, String url) {
        boolean create = url.endsWith("/batch/create") || url.endsWith("/batch/upsert");
        List<ObjectNode> results = new ArrayList<>();
        ArrayNode errors = JSON.createArrayNode();
        for (JsonNode input : request.path("inputs")) {
            String email = input.at("/properties/email").asText();
            if (email.startsWith("bad")) {
                ObjectNode error = errors.addObject().put("status", "error").put("category", "VALIDATION_ERROR")
                        .put("message", "Property values were not valid: email " + email);
                error.putObject("context").putArray(input.has("objectWriteTraceId") ? "objectWriteTraceId" : "ids")
                        .add(input.has("objectWriteTraceId") ? input.path("objectWriteTraceId").asText() : input.path("id").asText());
                continue;
            }
            String name = !email.isEmpty() ? email : input.at("/properties/name").asText(input.at("/properties/dealname").asText());
            ObjectNode result = JSON.createObjectNode();
            result.put("id", create ? "hs-" + name : input.path("id").asText());
            if (input.has("objectWriteTraceId")) {
                result.put("objectWriteTraceId", input.path("objectWriteTraceId").asText());
            }
            result.set("properties", input.path("properties"));
            results.add(result);
        }
        Collections.reverse(results);
        ObjectNode answer = JSON.createObjectNode().put("status", "COMPLETE");
        answer.putArray("results").addAll(results);
        if (!errors.isEmpty()) {
            answer.set("errors", errors);
            answer.put("numErrors", errors.size());
        }
        return new Answer(errors.isEmpty() ? (create ? 201 : 200) : 207, answer.toString());
    }

    @Override
    public String getName() {
        return NAME;
    }
}
