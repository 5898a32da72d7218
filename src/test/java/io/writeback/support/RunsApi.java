package io.writeback.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Starts runs through the REST API and waits for them to end, as an operator would. */
public final class RunsApi {

    private final TestRestTemplate http;

    public RunsApi(TestRestTemplate http) {
        this.http = http;
    }

    /** Starts a run of {@code sync} and returns the run, as {@code GET /api/runs/{id}} answers it, once it has ended. */
    public JsonNode runAndWait(String sync) {
        return awaitEnd(start(sync));
    }

    /** Starts a run of {@code sync}; its id. */
    public long start(String sync) {
        ResponseEntity<JsonNode> started = http.postForEntity("/api/syncs/{name}/runs", null, JsonNode.class, sync);
        if (started.getStatusCode() != HttpStatus.ACCEPTED) {
            throw new AssertionError("run of " + sync + " was not accepted: " + started);
        }
        return started.getBody().get("runId").asLong();
    }

    /** The run {@code runId} as the API answers it now. */
    public JsonNode get(long runId) {
        return http.getForObject("/api/runs/{id}", JsonNode.class, runId);
    }

    /** The run {@code runId} once it has ended. */
    public JsonNode awaitEnd(long runId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(runId),
                        run -> !run.get("status").asText().matches("queued|running"));
    }
}
