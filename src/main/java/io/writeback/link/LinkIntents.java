package io.writeback.link;

import io.writeback.kernel.LinkStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The inserts a chunk is about to send, noted before any is sent, so that a crash between a create and
 * its recorded outcome leaves a pending link (recovered by key) rather than a duplicate.
 */
@Repository
public class LinkIntents {

    private static final String INTEND = """
            INSERT INTO writeback.intents (sync, run_id, source_ids, intent_keys) VALUES (?, ?, ?, ?) RETURNING id""";

    /**
     * Turns the intents of runs that are over into pending links (the newest intent of a record wins):
     * their inserts may have landed, and the next run recovers them by key instead of inserting again.
     * A target id from before is forgotten: a record is only inserted when it has no live target record.
     */
    private static final String RECLAIM = LinkStatus.inSql("""
            WITH leftover AS (
                DELETE FROM writeback.intents i
                WHERE (i.sync = ? OR ?::text IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM writeback.runs r WHERE r.id = i.run_id AND r.status IN ('queued', 'running'))
                RETURNING i.id, i.sync, i.run_id, i.source_ids, i.intent_keys)
            INSERT INTO writeback.links AS l (sync, source_id, status, intent_key, attempts, last_run_id)
            SELECT DISTINCT ON (leftover.sync, u.source_id) leftover.sync, u.source_id, {PENDING}, u.intent_key, 0, leftover.run_id
            FROM leftover, unnest(leftover.source_ids, leftover.intent_keys) AS u (source_id, intent_key)
            ORDER BY leftover.sync, u.source_id, leftover.id DESC
            ON CONFLICT (sync, source_id) DO UPDATE SET
                status      = {PENDING},
                target_id   = NULL,
                intent_key  = EXCLUDED.intent_key,
                attempts    = CASE WHEN l.status IN ({ERROR}, {PENDING}) THEN l.attempts ELSE 0 END,
                last_run_id = EXCLUDED.last_run_id""");

    private final JdbcTemplate jdbc;

    public LinkIntents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Notes the inserts of a chunk of run {@code runId}, with the key each is sent under, before any is
     * sent; returns the note's id, which {@link LinkStore#record} settles (null when there is nothing to note).
     * Should the run end before the outcomes are recorded, {@link #reclaimIntents} makes them pending.
     */
    public Long recordIntents(String sync, long runId, Map<String, String> intentKeyBySourceId) {
        if (intentKeyBySourceId.isEmpty()) {
            return null;
        }
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(INTEND);
            statement.setString(1, sync);
            statement.setLong(2, runId);
            statement.setArray(3, connection.createArrayOf("text", intentKeyBySourceId.keySet().toArray()));
            statement.setArray(4, connection.createArrayOf("text", intentKeyBySourceId.values().toArray()));
            return statement;
        }, (ResultSet rs) -> rs.next() ? rs.getLong(1) : null);
    }

    /** Makes the unsettled intents of ended runs of {@code sync} (null: of every sync) pending links; returns how many. */
    public int reclaimIntents(String sync) {
        return jdbc.update(RECLAIM, sync, sync);
    }
}
