package io.writeback.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Waits for a job: reads its status every {@code pollEvery} through the connection (its rate limit and retries
 * apply) until the job is done, failed, or out of time. Bulk calls answered by a job wait so, and so do the
 * upstream jobs a sync runs before reading.
 */
final class JobWatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpConnection connection;
    private final Timekeeper time;

    JobWatch(HttpConnection connection, Timekeeper time) {
        this.connection = connection;
        this.time = time;
    }

    /** Waits for the job a bulk call that {@code started} named, and answers with the finished job's status. */
    DeliveryResult await(BulkJob job, String object, DeliveryResult started) {
        String id = read(started.responseBody()).at(job.idPointer()).asText("");
        if (id.isEmpty()) {
            return started.withError("the bulk call was answered without a job id at " + job.idPointer()).landedMaybe();
        }
        JobOutcome outcome = await(connection.urls().filled(job.path(), Map.of("id", id, "object", object)), job.statusPointer(),
                job.done(), job.failed(), job.pollEvery(), job.timeout());
        DeliveryResult status = outcome.lastStatus().afterCalls(started.calls());
        return switch (outcome.ending()) {
            case DONE -> status;
            case FAILED -> status.withError("the job " + id + " ended " + outcome.state() + ": " + status.responseBody()).landedMaybe();
            case TIMED_OUT -> status.withError("the job " + id + " was still " + outcome.state() + " after "
                    + job.timeout().toSeconds() + " s; the next run looks again").landedMaybe();
            case UNREADABLE -> status.withError("the job " + id + " could not be read: " + status.error()).landedMaybe();
        };
    }

    /**
     * Reads the status at {@code url} every {@code pollEvery} until the state at {@code statusPointer} is one of
     * {@code done} or {@code failed}, a status call fails, or {@code timeout} has passed.
     */
    JobOutcome await(String url, String statusPointer, List<String> done, List<String> failed, Duration pollEvery,
            Duration timeout) {
        Instant deadline = time.clock().instant().plus(timeout);
        int calls = 0;
        for (int statusCalls = 1; ; statusCalls++) {
            DeliveryResult status = connection.sendRepeatable("GET", url, null);
            calls += status.calls();
            DeliveryResult counted = status.afterCalls(calls - status.calls());
            if (!status.succeeded()) {
                return new JobOutcome(JobOutcome.Ending.UNREADABLE, counted, "", statusCalls);
            }
            String state = read(status.responseBody()).at(statusPointer).asText("");
            if (done.contains(state) || failed.contains(state)) {
                return new JobOutcome(done.contains(state) ? JobOutcome.Ending.DONE : JobOutcome.Ending.FAILED, counted, state,
                        statusCalls);
            }
            if (!time.clock().instant().plus(pollEvery).isBefore(deadline)) {
                return new JobOutcome(JobOutcome.Ending.TIMED_OUT, counted, state, statusCalls);
            }
            time.waitFor(pollEvery);
        }
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
