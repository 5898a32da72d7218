package io.writeback.link;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes link rows a chunk at a time: one round trip per chunk, never one per row. */
@Repository
public class LinkStore {

    private static final String FIND = """
            SELECT source_id, target_id, status, payload_hash, attempts, last_run_id, intent_key
            FROM writeback.links WHERE sync = ? AND source_id = ANY (?)""";

    private static final String INTEND = """
            INSERT INTO writeback.links AS l (sync, source_id, status, intent_key, attempts, last_run_id)
            VALUES (?, ?, 'pending', ?, 0, ?)
            ON CONFLICT (sync, source_id) DO UPDATE SET
                status      = 'pending',
                intent_key  = EXCLUDED.intent_key,
                attempts    = CASE WHEN l.status IN ('error', 'pending') THEN l.attempts ELSE 0 END,
                last_run_id = EXCLUDED.last_run_id""";

    private static final String RECORD = """
            INSERT INTO writeback.links AS l (sync, source_id, target_id, status, payload_hash,
                                              first_synced_at, last_synced_at, last_error, attempts, last_run_id)
            VALUES (?, ?, ?, ?, ?,
                    CASE WHEN ? = 'success' THEN now() END, now(), ?, CASE WHEN ? IN ('success', 'error') THEN 1 ELSE 0 END, ?)
            ON CONFLICT (sync, source_id) DO UPDATE SET
                target_id       = COALESCE(EXCLUDED.target_id, l.target_id),
                status          = EXCLUDED.status,
                payload_hash    = COALESCE(EXCLUDED.payload_hash, l.payload_hash),
                first_synced_at = COALESCE(l.first_synced_at, EXCLUDED.first_synced_at),
                last_synced_at  = CASE WHEN EXCLUDED.status = 'skipped-same-hash' THEN l.last_synced_at ELSE now() END,
                last_error      = EXCLUDED.last_error,
                attempts        = CASE WHEN EXCLUDED.status IN ('skipped-same-hash', 'pending') THEN l.attempts
                                       WHEN l.status IN ('error', 'pending') THEN l.attempts + 1 ELSE 1 END,
                last_run_id     = EXCLUDED.last_run_id""";

    private final JdbcTemplate jdbc;

    public LinkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The link rows of {@code sourceIds} that exist, by source id. */
    public Map<String, Link> find(String sync, Collection<String> sourceIds) {
        Map<String, Link> links = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return links;
        }
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(FIND);
            statement.setString(1, sync);
            statement.setArray(2, connection.createArrayOf("text", sourceIds.toArray()));
            return statement;
        }, (ResultSet rs) -> {
            Link link = link(rs);
            links.put(link.sourceId(), link);
        });
        return links;
    }

    private static Link link(ResultSet rs) throws SQLException {
        return new Link(rs.getString(1), rs.getString(2), LinkStatus.fromDb(rs.getString(3)), rs.getString(4),
                rs.getInt(5), rs.getObject(6, Long.class), rs.getString(7));
    }

    /**
     * Up to {@code limit} source ids of records that failed in an earlier run, after {@code afterSourceId}
     * (null: from the start), in source id order: what a run retries although its bookmark has passed them.
     */
    public List<String> failedBefore(String sync, long runId, String afterSourceId, int limit) {
        return jdbc.queryForList("""
                SELECT source_id FROM writeback.links
                WHERE sync = ? AND status = 'error' AND last_run_id IS DISTINCT FROM ? AND source_id > ?
                ORDER BY source_id LIMIT ?""", String.class, sync, runId, afterSourceId == null ? "" : afterSourceId, limit);
    }

    /**
     * Up to {@code limit} links of records in the target whose rows run {@code runId} did not read, after
     * {@code afterSourceId} (null: from the start), in source id order: what mode mirror deletes or archives.
     */
    public List<Link> notReadBy(String sync, long runId, String afterSourceId, int limit) {
        return jdbc.query("""
                SELECT source_id, target_id, status, payload_hash, attempts, last_run_id, intent_key FROM writeback.links
                WHERE sync = ? AND status <> 'deleted' AND target_id IS NOT NULL AND last_run_id IS DISTINCT FROM ?
                  AND source_id > ?
                ORDER BY source_id LIMIT ?""", (rs, i) -> link(rs), sync, runId,
                afterSourceId == null ? "" : afterSourceId, limit);
    }

    /**
     * Settles a pending link by hand: to {@code targetId} (its payload is sent again by the next run), or,
     * with a null target id, by forgetting it (the next run inserts the record). False when not pending.
     */
    public boolean resolvePending(String sync, String sourceId, String targetId) {
        if (targetId == null) {
            return jdbc.update("DELETE FROM writeback.links WHERE sync = ? AND source_id = ? AND status = 'pending'",
                    sync, sourceId) == 1;
        }
        return jdbc.update("""
                UPDATE writeback.links SET status = 'success', target_id = ?, payload_hash = NULL, last_error = NULL,
                                           intent_key = NULL, last_synced_at = now()
                WHERE sync = ? AND source_id = ? AND status = 'pending'""", targetId, sync, sourceId) == 1;
    }

    /** How many records of {@code sync} failed in their last delivery. */
    public long countFailed(String sync) {
        return jdbc.queryForObject("SELECT count(*) FROM writeback.links WHERE sync = ? AND status = 'error'", Long.class, sync);
    }

    /** The link of one record, if there is one. */
    public java.util.Optional<LinkRow> row(String sync, String sourceId) {
        return jdbc.query("""
                SELECT source_id, target_id, status, payload_hash, first_synced_at, last_synced_at, last_error, attempts,
                       last_run_id
                FROM writeback.links WHERE sync = ? AND source_id = ?""", (rs, i) -> new LinkRow(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, java.time.OffsetDateTime.class),
                rs.getObject(6, java.time.OffsetDateTime.class), rs.getString(7), rs.getInt(8), rs.getObject(9, Long.class)),
                sync, sourceId).stream().findFirst();
    }

    /** How many records of {@code sync} are in the target: linked and not deleted. */
    public long countInTarget(String sync) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM writeback.links WHERE sync = ? AND status <> 'deleted' AND target_id IS NOT NULL""",
                Long.class, sync);
    }

    /**
     * Marks the records of a chunk about to be inserted as pending, with the key each insert is sent
     * under, in one batch, before any is sent: a crash before their outcomes are written leaves them
     * pending, and the next run knows their inserts may have landed.
     */
    public void recordIntents(String sync, long runId, Map<String, String> intentKeyBySourceId) {
        if (intentKeyBySourceId.isEmpty()) {
            return;
        }
        List<Map.Entry<String, String>> intents = List.copyOf(intentKeyBySourceId.entrySet());
        jdbc.batchUpdate(INTEND, intents, intents.size(), (statement, intent) -> {
            statement.setString(1, sync);
            statement.setString(2, intent.getKey());
            statement.setString(3, intent.getValue());
            statement.setLong(4, runId);
        });
    }

    /** Writes the outcomes of one chunk in one batch. */
    public void record(String sync, long runId, List<LinkOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(RECORD, outcomes, outcomes.size(), (statement, outcome) -> {
            String status = outcome.status().dbValue();
            statement.setString(1, sync);
            statement.setString(2, outcome.sourceId());
            statement.setString(3, outcome.targetId());
            statement.setString(4, status);
            statement.setString(5, outcome.payloadHash());
            statement.setString(6, status);
            statement.setString(7, outcome.error());
            statement.setString(8, status);
            statement.setLong(9, runId);
        });
    }
}
