package io.writeback.deadletter;

import io.writeback.connection.DeliveryResult;
import io.writeback.kernel.LinkStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Keeps every record that failed: the request sent and what came back, for inspection and replay. */
@Repository
public class DeadLetters {

    private final JdbcTemplate jdbc;

    public DeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String sync, long runId, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO writeback.dead_letters (sync, run_id, source_id, action, request_method, request_url,
                                                    request_body, response_status, response_body, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", letters, letters.size(), (ps, letter) -> {
            DeliveryResult call = letter.call();
            ps.setString(1, sync);
            ps.setLong(2, runId);
            ps.setString(3, letter.sourceId());
            ps.setString(4, letter.action());
            ps.setString(5, call.method());
            ps.setString(6, call.url());
            ps.setString(7, call.requestBody());
            ps.setObject(8, call.status() == 0 ? null : call.status());
            ps.setString(9, call.responseBody());
            ps.setString(10, call.error());
        });
    }

    /**
     * Marks as replayed the pending dead letters of the records that run {@code runId} synced
     * successfully (their links are those of {@code linkSync}); one statement per run.
     */
    public int settle(String sync, String linkSync, long runId) {
        return jdbc.update(LinkStatus.inSql("""
                UPDATE writeback.dead_letters d SET replay_state = 'replayed', settled_at = now(), settled_by_run_id = ?
                FROM writeback.links l
                WHERE d.sync = ? AND d.replay_state = 'pending' AND l.sync = ? AND l.source_id = d.source_id
                  AND l.last_run_id = ? AND l.status IN ({SUCCESS}, {SKIPPED_SAME_HASH}, {DELETED})"""),
                runId, sync, linkSync, runId);
    }

    /** Dead letters of {@code sync}, newest first; {@code state} null means every state. */
    public List<DeadLetterView> list(String sync, String state, int limit) {
        return jdbc.query("""
                SELECT id, run_id, source_id, action, request_method, request_url, request_body, response_status,
                       response_body, error, failed_at, replay_state, settled_by_run_id
                FROM writeback.dead_letters WHERE sync = ? AND (?::text IS NULL OR replay_state = ?)
                ORDER BY id DESC LIMIT ?""", (rs, i) -> new DeadLetterView(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), new DeadLetterView.Request(rs.getString(5), rs.getString(6), rs.getString(7)),
                new DeadLetterView.Response(rs.getObject(8, Integer.class), rs.getString(9)), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class), rs.getString(12), rs.getObject(13, Long.class)),
                sync, state, state, limit);
    }

    /** The distinct source ids of the pending dead letters of {@code sync}, of {@code ids} only when given. */
    public List<String> pendingSourceIds(String sync, List<Long> ids, int limit) {
        if (ids == null || ids.isEmpty()) {
            return jdbc.queryForList("""
                    SELECT DISTINCT source_id FROM writeback.dead_letters WHERE sync = ? AND replay_state = 'pending'
                    ORDER BY source_id LIMIT ?""", String.class, sync, limit);
        }
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT DISTINCT source_id FROM writeback.dead_letters
                    WHERE sync = ? AND replay_state = 'pending' AND id = ANY (?) ORDER BY source_id LIMIT ?""");
            statement.setString(1, sync);
            statement.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            statement.setInt(3, limit);
            return statement;
        }, (rs, i) -> rs.getString(1));
    }

    /** The first errors of run {@code runId}, as "source id 2: ...", each cut to 300 characters. */
    public List<String> firstErrors(long runId, int limit) {
        return jdbc.query("SELECT source_id, error FROM writeback.dead_letters WHERE run_id = ? ORDER BY id LIMIT ?",
                (rs, row) -> {
                    String error = "source id " + rs.getString("source_id") + ": " + rs.getString("error");
                    return error.length() <= 300 ? error : error.substring(0, 300) + "...";
                }, runId, limit);
    }

    /** How many dead letters of {@code sync} wait for a replay or a later run. */
    public long countPending(String sync) {
        return jdbc.queryForObject("SELECT count(*) FROM writeback.dead_letters WHERE sync = ? AND replay_state = 'pending'",
                Long.class, sync);
    }

    public long countPending(String sync, String sourceId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM writeback.dead_letters WHERE sync = ? AND source_id = ? AND replay_state = 'pending'""",
                Long.class, sync, sourceId);
    }

    /** A failed record: its source id, the action tried, and the call that failed. */
    public record DeadLetter(String sourceId, String action, DeliveryResult call) {
    }
}
