package io.writeback.run;

import io.writeback.cluster.ClusterNode;
import io.writeback.kernel.RecordTrace;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.RunProgress;
import io.writeback.kernel.RunScope;
import io.writeback.kernel.RunTotals;
import io.writeback.kernel.SyncSpec;
import io.writeback.source.Bookmarks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The runs table: one row per run, with its counts, timings, trigger and end status; and, as chunks settle, the bookmark. */
@Repository
public class RunLedger implements RunProgress {

    private static final String SELECT = """
            SELECT id, sync, trigger, status, queued_at, started_at, finished_at, rows_read, inserted, updated,
                   deleted, skipped, failed, invalid, unknown, waiting, http_calls, error, rows_estimated, before_report,
                   sync_version_id, node, scheduled_for, unchanged_kept_back,
                   CASE WHEN status = 'running' AND rows_read > 0 AND rows_estimated > rows_read
                        THEN round(extract(epoch FROM now() - started_at) * (rows_estimated - rows_read) / rows_read)::bigint END
                       AS eta_seconds
            FROM writeback.runs""";

    private static final RowMapper<RunView> VIEW = RunLedger::view;

    private final JdbcTemplate jdbc;
    private final Bookmarks bookmarks;
    private final String node;

    public RunLedger(JdbcTemplate jdbc, Bookmarks bookmarks, ClusterNode node) {
        this.jdbc = jdbc;
        this.bookmarks = bookmarks;
        this.node = node.id();
    }

    /** Queues a run on this node; its id. */
    public long queue(String sync, Trigger trigger) {
        return jdbc.queryForObject("""
                INSERT INTO writeback.runs (sync, trigger, status, node) VALUES (?, ?, 'queued', ?) RETURNING id""",
                Long.class, sync, trigger.dbValue(), node);
    }

    /**
     * Starts the queued run {@code queuedId}, or a new one when it is null.
     *
     * @param scheduledFor the slot a schedule fired the run for; null for a run asked for
     */
    public RunContext start(Long queuedId, String sync, Trigger trigger, SyncSpec spec, RunScope scope,
            RecordTrace trace, Instant scheduledFor) {
        long id = queuedId != null ? queuedId : queue(sync, trigger);
        jdbc.update("""
                UPDATE writeback.runs SET status = 'running', started_at = now(), scheduled_for = ?,
                       sync_version_id = (SELECT max(v.id) FROM writeback.sync_versions v WHERE v.sync = ?)
                WHERE id = ?""", scheduledFor == null ? null : Timestamp.from(scheduledFor), sync, id);
        return new RunContext(sync, id, spec, scope, trace);
    }

    @Override
    public void chunkSettled(RunContext run) {
        if (run.scope().all() && run.settledCursorValue() != null) {
            bookmarks.advance(run.sync(), run.settledCursorValue(), run.runId());
        }
        RunTotals t = run.counts().totals();
        int updated = jdbc.update("""
                UPDATE writeback.runs SET rows_read = ?, inserted = ?, updated = ?, deleted = ?, skipped = ?, failed = ?,
                       invalid = ?, unknown = ?, waiting = ?, http_calls = ?, rows_estimated = ?, before_report = ?,
                       unchanged_kept_back = ?
                WHERE id = ? AND status = 'running'""",
                t.rowsRead(), t.inserted(), t.updated(), t.deleted(), t.skipped(), t.failed(), t.invalid(), t.unknown(),
                t.waiting(), t.httpCalls(), run.estimatedRows(), run.before(), run.unchangedKeptBack(), run.runId());
        if (updated == 0) {
            // Another node took this one for dead and closed the run: its chunk must not be recorded as well.
            throw new IllegalStateException("run " + run.runId() + " was closed by another node, which took node " + node
                    + " for dead (no heartbeat for writeback.cluster.dead-after); it stops here");
        }
    }

    public RunStatus finish(RunContext run, Throwable failure) {
        RunTotals t = run.counts().totals();
        RunStatus status = failure != null ? RunStatus.FAILED
                : t.failed() + t.invalid() + t.unknown() > 0 ? RunStatus.COMPLETED_WITH_ERRORS : RunStatus.SUCCEEDED;
        jdbc.update("""
                UPDATE writeback.runs SET status = ?, finished_at = now(), rows_read = ?, inserted = ?, updated = ?,
                       deleted = ?, skipped = ?, failed = ?, invalid = ?, unknown = ?, waiting = ?, http_calls = ?, error = ?,
                       before_report = ?, unchanged_kept_back = ? WHERE id = ? AND status = 'running'""",
                status.dbValue(), t.rowsRead(), t.inserted(), t.updated(), t.deleted(), t.skipped(), t.failed(),
                t.invalid(), t.unknown(), t.waiting(), t.httpCalls(), failure == null ? null : failure.getMessage(), run.before(),
                run.unchangedKeptBack(), run.runId());
        return status;
    }

    /**
     * Closes the runs left queued or running by {@code nodes}, which stopped or died: nothing runs them any more.
     * With {@code unrecorded}, also the runs of no node: those queued before nodes were recorded. {@code {node}} in
     * {@code reason} is each run's node. Answers the runs closed, as they were.
     */
    public List<Interrupted> interruptRunsOf(List<String> nodes, boolean unrecorded, String reason) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    UPDATE writeback.runs SET status = 'interrupted', finished_at = now(),
                           error = replace(?, '{node}', coalesce(node, ''))
                    WHERE status IN ('queued', 'running') AND (node = ANY (?) OR (? AND node IS NULL))
                    RETURNING id, sync, trigger, node""");
            statement.setString(1, reason);
            statement.setArray(2, connection.createArrayOf("text", nodes.toArray()));
            statement.setBoolean(3, unrecorded);
            return statement;
        }, (rs, row) -> new Interrupted(rs.getLong("id"), rs.getString("sync"), rs.getString("trigger"), rs.getString("node")));
    }

    /** A run closed because its node stopped: which, of what sync, started by what, on which node. */
    public record Interrupted(long runId, String sync, String trigger, String node) {
    }

    /** Deletes a queued run that never got to run (its sync was claimed by another). */
    public void forget(long runId) {
        jdbc.update("DELETE FROM writeback.runs WHERE id = ? AND status = 'queued'", runId);
    }

    public void abandon(long runId, String reason) {
        jdbc.update("UPDATE writeback.runs SET status = 'failed', finished_at = now(), error = ? WHERE id = ?", reason, runId);
    }

    public Optional<RunView> find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", VIEW, id).stream().findFirst();
    }

    public List<RunView> history(String sync, int limit) {
        return jdbc.query(SELECT + " WHERE sync = ? ORDER BY id DESC LIMIT ?", VIEW, sync, limit);
    }

    public Optional<RunView> last(String sync) {
        return history(sync, 1).stream().findFirst();
    }

    /**
     * What the runs of a sync say of its health: when its last successful run ended (succeeded, or
     * completed with errors), and how many runs failed since.
     */
    public record RunRecord(OffsetDateTime lastSuccess, long failingRuns) {
    }

    /** The run record of every sync that has runs, by sync. */
    public Map<String, RunRecord> records() {
        Map<String, RunRecord> records = new HashMap<>();
        jdbc.query("""
                WITH last_success AS (
                    SELECT sync, max(id) AS id, max(finished_at) AS finished_at FROM writeback.runs
                    WHERE status IN ('succeeded', 'completed_with_errors') GROUP BY sync)
                SELECT r.sync, s.finished_at AS last_success,
                       count(*) FILTER (WHERE r.status = 'failed' AND r.id > coalesce(s.id, 0)) AS failing
                FROM writeback.runs r LEFT JOIN last_success s ON s.sync = r.sync
                GROUP BY r.sync, s.finished_at""", (ResultSet rs) -> {
            records.put(rs.getString("sync"), new RunRecord(rs.getObject("last_success", OffsetDateTime.class),
                    rs.getLong("failing")));
        });
        return records;
    }

    /** The last run of {@code sync} with that trigger. */
    public Optional<RunView> last(String sync, Trigger trigger) {
        return jdbc.query(SELECT + " WHERE sync = ? AND trigger = ? ORDER BY id DESC LIMIT 1", VIEW, sync, trigger.dbValue())
                .stream().findFirst();
    }

    private static RunView view(ResultSet rs, int row) throws SQLException {
        OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        Long duration = started != null && finished != null
                ? java.time.Duration.between(started, finished).toMillis() : null;
        RunTotals totals = new RunTotals(rs.getLong("rows_read"), rs.getLong("inserted"), rs.getLong("updated"),
                rs.getLong("deleted"), rs.getLong("skipped"), rs.getLong("failed"), rs.getLong("invalid"),
                rs.getLong("unknown"), rs.getLong("waiting"), rs.getLong("http_calls"));
        return new RunView(rs.getLong("id"), rs.getString("sync"), rs.getString("trigger"), rs.getString("status"),
                rs.getObject("queued_at", OffsetDateTime.class), started, finished, duration, totals,
                rs.getString("error"), rs.getObject("rows_estimated", Long.class), rs.getObject("eta_seconds", Long.class),
                rs.getString("before_report"), rs.getObject("sync_version_id", Long.class), rs.getString("node"),
                rs.getObject("scheduled_for", OffsetDateTime.class), rs.getBoolean("unchanged_kept_back"));
    }
}
