package io.writeback.run;

import io.writeback.kernel.RecordTrace;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.RunProgress;
import io.writeback.kernel.RunScope;
import io.writeback.kernel.RunTotals;
import io.writeback.kernel.SyncSpec;
import io.writeback.source.Bookmarks;
import java.sql.ResultSet;
import java.sql.SQLException;
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
                   sync_version_id,
                   CASE WHEN status = 'running' AND rows_read > 0 AND rows_estimated > rows_read
                        THEN round(extract(epoch FROM now() - started_at) * (rows_estimated - rows_read) / rows_read)::bigint END
                       AS eta_seconds
            FROM writeback.runs""";

    private static final RowMapper<RunView> VIEW = RunLedger::view;

    private final JdbcTemplate jdbc;
    private final Bookmarks bookmarks;

    public RunLedger(JdbcTemplate jdbc, Bookmarks bookmarks) {
        this.jdbc = jdbc;
        this.bookmarks = bookmarks;
    }

    public long queue(String sync, Trigger trigger) {
        return jdbc.queryForObject("INSERT INTO writeback.runs (sync, trigger, status) VALUES (?, ?, 'queued') RETURNING id",
                Long.class, sync, trigger.dbValue());
    }

    /** Starts the queued run {@code queuedId}, or a new one when it is null. */
    public RunContext start(Long queuedId, String sync, Trigger trigger, SyncSpec spec, RunScope scope,
            RecordTrace trace) {
        long id = queuedId != null ? queuedId : queue(sync, trigger);
        jdbc.update("""
                UPDATE writeback.runs SET status = 'running', started_at = now(),
                       sync_version_id = (SELECT max(v.id) FROM writeback.sync_versions v WHERE v.sync = ?)
                WHERE id = ?""", sync, id);
        return new RunContext(sync, id, spec, scope, trace);
    }

    @Override
    public void chunkSettled(RunContext run) {
        if (run.scope().all() && run.settledCursorValue() != null) {
            bookmarks.advance(run.sync(), run.settledCursorValue(), run.runId());
        }
        RunTotals t = run.counts().totals();
        jdbc.update("""
                UPDATE writeback.runs SET rows_read = ?, inserted = ?, updated = ?, deleted = ?, skipped = ?, failed = ?,
                       invalid = ?, unknown = ?, waiting = ?, http_calls = ?, rows_estimated = ?, before_report = ? WHERE id = ?""",
                t.rowsRead(), t.inserted(), t.updated(), t.deleted(), t.skipped(), t.failed(), t.invalid(), t.unknown(),
                t.waiting(), t.httpCalls(), run.estimatedRows(), run.before(), run.runId());
    }

    public RunStatus finish(RunContext run, Throwable failure) {
        RunTotals t = run.counts().totals();
        RunStatus status = failure != null ? RunStatus.FAILED
                : t.failed() + t.invalid() + t.unknown() > 0 ? RunStatus.COMPLETED_WITH_ERRORS : RunStatus.SUCCEEDED;
        jdbc.update("""
                UPDATE writeback.runs SET status = ?, finished_at = now(), rows_read = ?, inserted = ?, updated = ?,
                       deleted = ?, skipped = ?, failed = ?, invalid = ?, unknown = ?, waiting = ?, http_calls = ?, error = ?,
                       before_report = ? WHERE id = ?""",
                status.dbValue(), t.rowsRead(), t.inserted(), t.updated(), t.deleted(), t.skipped(), t.failed(),
                t.invalid(), t.unknown(), t.waiting(), t.httpCalls(), failure == null ? null : failure.getMessage(), run.before(), run.runId());
        return status;
    }

    /** Runs left queued or running by a stopped instance: nothing is running them any more. */
    public int interruptLeftovers() {
        return jdbc.update("""
                UPDATE writeback.runs SET status = 'interrupted', finished_at = now(),
                       error = 'Writeback stopped before the run ended'
                WHERE status IN ('queued', 'running')""");
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
                rs.getString("before_report"), rs.getObject("sync_version_id", Long.class));
    }
}
