package io.writeback.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Waits for the job a bulk call started: reads its status every {@code pollEvery} through the connection (its rate
 * limit and retries apply) until the job is done, failed, or out of time. The outcome is the last status read,
 * with every call made counted, the bulk call's included.
 */
final class JobWatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpConnection connection;
    private final Timekeeper time;

    JobWatch(HttpConnection connection, Timekeeper time) {
        this.connection = connection;
        this.time = time;
    }

    DeliveryResult await(BulkJob job, String object, DeliveryResult started) {
        String id = text(read(started.responseBody()).at(job.idPointer()));
        if (id == null) {
            return started.withError("the bulk call was answered without a job id at " + job.idPointer()).landedMaybe();
        }
        String url = connection.urls().filled(job.path(), Map.of("id", id, "object", object));
        Instant deadline = time.clock().instant().plus(job.timeout());
        int calls = started.calls();
        while (true) {
            DeliveryResult status = connection.sendRepeatable("GET", url, null);
            calls += status.calls();
            if (!status.succeeded()) {
                return status.afterCalls(calls - status.calls()).withError("the job " + id + " could not be read: " + status.error())
                        .landedMaybe();
            }
            String state = text(read(status.responseBody()).at(job.statusPointer()));
            if (job.done().contains(state)) {
                return status.afterCalls(calls - status.calls());
            }
            if (job.failed().contains(state)) {
                return status.afterCalls(calls - status.calls()).withError("the job " + id + " ended " + state + ": "
                        + status.responseBody()).landedMaybe();
            }
            if (!time.clock().instant().plus(job.pollEvery()).isBefore(deadline)) {
                return status.afterCalls(calls - status.calls()).withError("the job " + id + " was still " + state + " after "
                        + describe(job.timeout()) + "; the next run looks again").landedMaybe();
            }
            time.waitFor(job.pollEvery());
        }
    }

    private static String describe(Duration duration) {
        return duration.toSeconds() + " s";
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
