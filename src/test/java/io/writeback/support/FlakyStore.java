package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A destination that does what it is asked and then, for a share of all calls, resets the connection
 * instead of answering: creates ({@code POST}) are stored whatever happens after, so a create sent twice
 * shows as two records. Lookups ({@code GET ?name=}) find the first record of a name; updates answer it.
 * The resets follow a seeded random sequence, so a run is the same every time.
 */
public class FlakyStore implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "flaky-store";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> CREATED = new ArrayList<>();
    private static final Map<String, String> FIRST_ID_BY_NAME = new LinkedHashMap<>();
    private static Random resets = new Random(0);
    private static double resetShare;

    /** Forgets every record; from now on {@code share} of the calls are reset, in the sequence {@code seed} makes. */
    public static synchronized void start(double share, long seed) {
        CREATED.clear();
        FIRST_ID_BY_NAME.clear();
        resets = new Random(seed);
        resetShare = share;
    }

    public static synchronized void stopResetting() {
        resetShare = 0;
    }

    /** The name of every record created, once per create that landed. */
    public static synchronized List<String> created() {
        return List.copyOf(CREATED);
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String answer = switch (request.getMethod().getName()) {
            case "POST" -> create(read(request).path("name").asText());
            case "GET" -> lookup(request.queryParameter("name").firstValue());
            default -> "{\"id\": \"" + request.getUrl().substring(request.getUrl().lastIndexOf('/') + 1) + "\"}";
        };
        if (resets.nextDouble() < resetShare) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(request.getMethod().getName().equals("POST") ? 201 : 200)
                .withHeader("Content-Type", "application/json").withBody(answer).build();
    }

    private static String create(String name) {
        String id = "F" + (CREATED.size() + 1);
        CREATED.add(name);
        FIRST_ID_BY_NAME.putIfAbsent(name, id);
        return "{\"id\": \"" + id + "\"}";
    }

    private static String lookup(String name) {
        String id = FIRST_ID_BY_NAME.get(name);
        return id == null ? "{\"results\": []}" : "{\"results\": [{\"id\": \"" + id + "\"}]}";
    }

    private static JsonNode read(Request request) {
        try {
            return JSON.readTree(request.getBodyAsString());
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
