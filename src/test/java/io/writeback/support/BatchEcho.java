package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A bulk create endpoint for WireMock stubs that ask for it: it answers {@code {"results": [{"id": name}, ...]}}
 * in the order of {@code inputs}, or refuses the whole batch (400) when any input's name starts with "BAD".
 */
public class BatchEcho implements ResponseTransformerV2 {

    public static final String NAME = "batch-echo";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        try {
            JsonNode inputs = JSON.readTree(serveEvent.getRequest().getBodyAsString()).path("inputs");
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode results = answer.putArray("results");
            for (JsonNode input : inputs) {
                if (input.path("name").asText().startsWith("BAD")) {
                    return Response.Builder.like(response).but().status(400)
                            .body("{\"error\": \"invalid input " + input.path("name").asText() + "\"}").build();
                }
                results.addObject().put("id", input.path("name").asText());
            }
            return Response.Builder.like(response).but().status(200).body(answer.toString()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
