package io.writeback.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.connection.Connections;
import io.writeback.connection.DeliveryResult;
import io.writeback.connection.HttpConnection;
import io.writeback.connection.JobOutcome;
import io.writeback.connection.Timekeeper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a sync runs before its query is read, so that it never syncs stale data: its {@code beforeSql} on
 * the warehouse (one transaction), then its {@code beforeJob}, started on its connection and polled until
 * it reports done or failed, within its timeout. Any failure fails the run before a row is read.
 */
@Component
class BeforeReading {

    private final Warehouse warehouse;
    private final Connections connections;
    private final UpstreamJobs jobs;
    private final Timekeeper time;
    private final ObjectMapper json;

    BeforeReading(Warehouse warehouse, Connections connections, UpstreamJobs jobs, ObjectProvider<Timekeeper> time,
            ObjectMapper json) {
        this.warehouse = warehouse;
        this.connections = connections;
        this.jobs = jobs;
        this.time = time.getIfAvailable(() -> Timekeeper.SYSTEM);
        this.json = json;
    }

    /** Runs what comes before reading; what it did, in a sentence (null when nothing does). */
    String run(String sync, SourceOptions options) {
        List<String> done = new ArrayList<>();
        if (options.getBeforeSql() != null) {
            done.add(refresh(sync, options.getBeforeSql()));
        }
        if (options.getBeforeJob() != null) {
            done.add(awaitJob(sync, options.getBeforeJob()));
        }
        return done.isEmpty() ? null : String.join("; ", done);
    }

    /** What would run before reading, for previews, which run none of it. */
    String describe(SourceOptions options) {
        List<String> steps = new ArrayList<>();
        if (options.getBeforeSql() != null) {
            steps.add("the SQL " + options.getBeforeSql().strip().replaceAll("\\s+", " "));
        }
        if (options.getBeforeJob() != null) {
            steps.add("the job " + options.getBeforeJob() + ", waited for");
        }
        return steps.isEmpty() ? null : "before reading, a run runs " + String.join(", then ", steps) + " (not run by a preview)";
    }

    private String refresh(String sync, String sql) {
        Instant started = time.clock().instant();
        // A connection that may write, unlike the read-only one the query streams from.
        try (Connection connection = warehouse.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(sql);
            connection.commit();
        } catch (SQLException e) {
            throw new UpstreamFailedException("sync " + sync + ": before reading, beforeSql failed: " + e.getMessage());
        }
        return "beforeSql ran in " + Duration.between(started, time.clock().instant()).toMillis() + " ms";
    }

    private String awaitJob(String sync, String name) {
        UpstreamJobs.Job job = jobs.jobs().get(name);
        if (job == null) {
            throw new UpstreamFailedException("sync " + sync + ": before reading: no job named '" + name + "' under writeback.jobs"
                    + " (configured: " + String.join(", ", jobs.jobs().keySet()) + ")");
        }
        String what = "sync " + sync + ": before reading, the job " + name;
        HttpConnection connection = connections.get(job.connection());
        DeliveryResult started = connection.sendOnce(job.start().method(), connection.urls().filled(job.start().path(), Map.of()),
                job.start().body());
        if (!started.succeeded()) {
            throw new UpstreamFailedException(what + " could not be started: " + started.error());
        }
        String id = read(started.responseBody()).at(job.idPointer()).asText("");
        if (id.isEmpty()) {
            throw new UpstreamFailedException(what + " was started, but its answer has no id at " + job.idPointer());
        }
        JobOutcome outcome = connection.awaitJob(connection.urls().filled(job.statusPath(), Map.of("id", id)), job.statusPointer(),
                job.done(), job.failed(), job.pollEvery(), job.timeout());
        return switch (outcome.ending()) {
            case DONE -> "job " + name + " run " + id + " " + outcome.state() + " after " + outcome.statusCalls() + " status call(s)";
            case FAILED -> throw new UpstreamFailedException(what + " (run " + id + ") failed: its status is " + outcome.state());
            case TIMED_OUT -> throw new UpstreamFailedException(what + " (run " + id + ") did not finish within " + job.timeout()
                    + " (last status: " + outcome.state() + ")");
            case UNREADABLE -> throw new UpstreamFailedException(what + " (run " + id + "): its status cannot be read: "
                    + outcome.lastStatus().error());
        };
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (java.io.IOException e) {
            return json.missingNode();
        }
    }
}
