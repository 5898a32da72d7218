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
            SELECT source_id, target_id, status, payload_hash, attempts, last_run_id
            FROM writeback.links WHERE sync = ? AND source_id = ANY (?)""";

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
                attempts        = CASE WHEN EXCLUDED.status = 'skipped-same-hash' THEN l.attempts
                                       WHEN l.status = 'error' THEN l.attempts + 1 ELSE 1 END,
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
                rs.getInt(5), rs.getObject(6, Long.class));
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
                SELECT source_id, target_id, status, payload_hash, attempts, last_run_id FROM writeback.links
                WHERE sync = ? AND status <> 'deleted' AND target_id IS NOT NULL AND last_run_id IS DISTINCT FROM ?
                  AND source_id > ?
                ORDER BY source_id LIMIT ?""", (rs, i) -> link(rs), sync, runId,
                afterSourceId == null ? "" : afterSourceId, limit);
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
