package io.writeback.link;

import io.writeback.kernel.Link;
import io.writeback.kernel.LinkStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and writes link rows a chunk at a time: one round trip per chunk, never one per row. */
@Repository
public class LinkStore {

    private static final String FIND = """
            SELECT source_id, target_id, status, payload_hash, attempts, last_run_id, intent_key, echo_payload::text,
                   write_back_error
            FROM writeback.links WHERE sync = ? AND source_id = ANY (?)""";

    private static final String INTEND = """
            INSERT INTO writeback.intents (sync, run_id, source_ids, intent_keys) VALUES (?, ?, ?, ?) RETURNING id""";

    /** A chunk's outcomes in one statement, which also deletes the chunk's intents: both happen, or neither. */
    private static final String RECORD = """
            WITH settled AS (DELETE FROM writeback.intents WHERE id = ?)
            INSERT INTO writeback.links AS l (sync, source_id, target_id, status, payload_hash, intent_key,
                                              first_synced_at, last_synced_at, last_error, attempts, last_run_id)
            SELECT ?, o.source_id, o.target_id, o.status, o.payload_hash, o.intent_key,
                   CASE WHEN o.status = 'success' THEN now() END, CASE WHEN o.status <> 'waiting' THEN now() END, o.last_error,
                   CASE WHEN o.status IN ('success', 'error') THEN 1 ELSE 0 END, ?
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 AS o (source_id, target_id, status, payload_hash, intent_key, last_error)
            ON CONFLICT (sync, source_id) DO UPDATE SET
                target_id       = COALESCE(EXCLUDED.target_id, l.target_id),
                status          = EXCLUDED.status,
                payload_hash    = COALESCE(EXCLUDED.payload_hash, l.payload_hash),
                intent_key      = COALESCE(EXCLUDED.intent_key, l.intent_key),
                first_synced_at = COALESCE(l.first_synced_at, EXCLUDED.first_synced_at),
                last_synced_at  = CASE WHEN EXCLUDED.status = 'waiting' THEN l.last_synced_at ELSE now() END,
                last_error      = EXCLUDED.last_error,
                echo_payload    = CASE WHEN EXCLUDED.status IN ('success', 'skipped-same-hash') THEN NULL ELSE l.echo_payload END,
                attempts        = CASE WHEN EXCLUDED.status IN ('pending', 'waiting') THEN l.attempts
                                       WHEN l.status IN ('error', 'pending') THEN l.attempts + 1 ELSE 1 END,
                last_run_id     = EXCLUDED.last_run_id""";

    /**
     * What a paired sync wrote, noted in its pair's links: the pair's record (source id: the target id
     * written) is linked to this sync's record, and holds the payload written until the pair reads it back.
     */
    private static final String NOTE_ECHOES = """
            INSERT INTO writeback.links AS l (sync, source_id, target_id, status, attempts, first_synced_at, last_synced_at,
                                              echo_payload)
            SELECT ?, e.source_id, e.target_id, 'success', 0, now(), now(), e.payload::jsonb
            FROM unnest(?::text[], ?::text[], ?::text[]) AS e (source_id, target_id, payload)
            ON CONFLICT (sync, source_id) DO UPDATE SET
                echo_payload = EXCLUDED.echo_payload,
                status       = CASE WHEN l.target_id IS NULL THEN 'success' ELSE l.status END,
                target_id    = COALESCE(l.target_id, EXCLUDED.target_id)""";

    private static final String NOTE_WRITE_BACKS = """
            UPDATE writeback.links l SET write_back_error = w.error
            FROM unnest(?::text[], ?::text[]) AS w (source_id, error)
            WHERE l.sync = ? AND l.source_id = w.source_id""";

    private static final String MARK_UNCHANGED = """
            UPDATE writeback.links SET status = 'skipped-same-hash', last_error = NULL, last_run_id = ?
            WHERE sync = ? AND source_id = ANY (?)""";

    /**
     * Turns the intents of runs that are over into pending links (the newest intent of a record wins):
     * their inserts may have landed, and the next run recovers them by key instead of inserting again.
     */
    private static final String RECLAIM = """
            WITH leftover AS (
                DELETE FROM writeback.intents i
                WHERE (i.sync = ? OR ?::text IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM writeback.runs r WHERE r.id = i.run_id AND r.status IN ('queued', 'running'))
                RETURNING i.id, i.sync, i.run_id, i.source_ids, i.intent_keys)
            INSERT INTO writeback.links AS l (sync, source_id, status, intent_key, attempts, last_run_id)
            SELECT DISTINCT ON (leftover.sync, u.source_id) leftover.sync, u.source_id, 'pending', u.intent_key, 0, leftover.run_id
            FROM leftover, unnest(leftover.source_ids, leftover.intent_keys) AS u (source_id, intent_key)
            ORDER BY leftover.sync, u.source_id, leftover.id DESC
            ON CONFLICT (sync, source_id) DO UPDATE SET
                status      = 'pending',
                intent_key  = EXCLUDED.intent_key,
                attempts    = CASE WHEN l.status IN ('error', 'pending') THEN l.attempts ELSE 0 END,
                last_run_id = EXCLUDED.last_run_id""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public LinkStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
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
                rs.getInt(5), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    /**
     * Up to {@code limit} source ids of records that failed in an earlier run, after {@code afterSourceId}
     * (null: from the start), in source id order: what a run retries although its bookmark has passed them.
     */
    public List<String> failedBefore(String sync, long runId, String afterSourceId, int limit) {
        return jdbc.queryForList("""
                SELECT source_id FROM writeback.links
                WHERE sync = ? AND status IN ('error', 'waiting') AND last_run_id IS DISTINCT FROM ? AND source_id > ?
                ORDER BY source_id LIMIT ?""", String.class, sync, runId, afterSourceId == null ? "" : afterSourceId, limit);
    }

    /**
     * Up to {@code limit} links of records in the target whose rows run {@code runId} did not read, after
     * {@code afterSourceId} (null: from the start), in source id order: what mode mirror deletes or archives.
     */
    public List<Link> notReadBy(String sync, long runId, String afterSourceId, int limit) {
        return jdbc.query("""
                SELECT source_id, target_id, status, payload_hash, attempts, last_run_id, intent_key, echo_payload::text,
                   write_back_error
                FROM writeback.links
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
                       last_run_id, write_back_error
                FROM writeback.links WHERE sync = ? AND source_id = ?""", (rs, i) -> new LinkRow(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, java.time.OffsetDateTime.class),
                rs.getObject(6, java.time.OffsetDateTime.class), rs.getString(7), rs.getInt(8), rs.getObject(9, Long.class),
                rs.getString(10)),
                sync, sourceId).stream().findFirst();
    }

    /** How many records of {@code sync} are in the target: linked and not deleted. */
    public long countInTarget(String sync) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM writeback.links WHERE sync = ? AND status <> 'deleted' AND target_id IS NOT NULL""",
                Long.class, sync);
    }

    /**
     * Notes the inserts of a chunk of run {@code runId}, with the key each is sent under, before any is
     * sent; returns the note's id, which {@link #record} settles (null when there is nothing to note).
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

    /**
     * Writes the outcomes of one chunk with its {@code notes}, in one transaction when there are notes:
     * what the chunk wrote into the links of the sync's pair, and how the write back of its new target
     * ids went.
     */
    public void record(String sync, long runId, List<LinkOutcome> outcomes, Long intentsId, ChunkNotes notes) {
        if (notes.echoes().isEmpty() && notes.writeBacks().isEmpty()) {
            record(sync, runId, outcomes, intentsId);
            return;
        }
        transaction.executeWithoutResult(status -> {
            record(sync, runId, outcomes, intentsId);
            if (!notes.echoes().isEmpty()) {
                jdbc.update(connection -> {
                    PreparedStatement statement = connection.prepareStatement(NOTE_ECHOES);
                    statement.setString(1, notes.pair());
                    statement.setArray(2, texts(connection, notes.echoes().stream().map(Echo::pairSourceId)));
                    statement.setArray(3, texts(connection, notes.echoes().stream().map(Echo::pairTargetId)));
                    statement.setArray(4, texts(connection, notes.echoes().stream().map(Echo::payload)));
                    return statement;
                });
            }
            if (!notes.writeBacks().isEmpty()) {
                jdbc.update(connection -> {
                    PreparedStatement statement = connection.prepareStatement(NOTE_WRITE_BACKS);
                    statement.setArray(1, texts(connection, notes.writeBacks().keySet().stream()));
                    statement.setArray(2, texts(connection, notes.writeBacks().values().stream()));
                    statement.setString(3, sync);
                    return statement;
                });
            }
        });
    }

    private static java.sql.Array texts(java.sql.Connection connection, java.util.stream.Stream<String> values)
            throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    /**
     * What a chunk records besides its links' outcomes. {@code echoes}: what a paired sync wrote, for its
     * {@code pair}. {@code writeBacks}: by source id, null when the new target id was written back to
     * the source, else why not.
     */
    public record ChunkNotes(String pair, List<Echo> echoes, Map<String, String> writeBacks) {
    }

    /** A record a paired sync wrote: its id in the pair's source ({@code pairSourceId}), the pair's target id, the payload (JSON). */
    public record Echo(String pairSourceId, String pairTargetId, String payload) {
    }

    /**
     * Writes the outcomes of one chunk and settles its intents ({@code intentsId}, may be null) in one
     * statement, then marks its unchanged records; every outcome of a source id but its last is ignored.
     */
    public void record(String sync, long runId, List<LinkOutcome> outcomes, Long intentsId) {
        Map<String, LinkOutcome> written = new LinkedHashMap<>();
        List<String> unchanged = new ArrayList<>();
        for (LinkOutcome outcome : outcomes) {
            // An echo read back carries the hash of the row as it is now: written like any outcome that sets one.
            if (outcome.status() == LinkStatus.SKIPPED_SAME_HASH && outcome.payloadHash() == null) {
                unchanged.add(outcome.sourceId());
            } else {
                written.put(outcome.sourceId(), outcome);
            }
        }
        if (!written.isEmpty() || intentsId != null) {
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(RECORD);
                statement.setObject(1, intentsId, Types.BIGINT);
                statement.setString(2, sync);
                statement.setLong(3, runId);
                setColumn(statement, 4, written.values(), LinkOutcome::sourceId);
                setColumn(statement, 5, written.values(), LinkOutcome::targetId);
                setColumn(statement, 6, written.values(), outcome -> outcome.status().dbValue());
                setColumn(statement, 7, written.values(), LinkOutcome::payloadHash);
                setColumn(statement, 8, written.values(), LinkOutcome::intentKey);
                setColumn(statement, 9, written.values(), LinkOutcome::error);
                return statement;
            });
        }
        if (!unchanged.isEmpty()) {
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(MARK_UNCHANGED);
                statement.setLong(1, runId);
                statement.setString(2, sync);
                statement.setArray(3, connection.createArrayOf("text", unchanged.toArray()));
                return statement;
            });
        }
    }

    /**
     * Links each source id to its target id, as records already in the target (no payload hash: the
     * next run sends their payload); source ids linked already are left as they are. Returns how many
     * links it wrote.
     */
    public int seed(String sync, List<String> sourceIds, List<String> targetIds) {
        return jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO writeback.links (sync, source_id, target_id, status, attempts, first_synced_at, last_synced_at)
                    SELECT ?, p.source_id, p.target_id, 'success', 0, now(), now()
                    FROM unnest(?::text[], ?::text[]) AS p (source_id, target_id)
                    ON CONFLICT (sync, source_id) DO NOTHING""");
            statement.setString(1, sync);
            statement.setArray(2, connection.createArrayOf("text", sourceIds.toArray()));
            statement.setArray(3, connection.createArrayOf("text", targetIds.toArray()));
            return statement;
        });
    }

    /** Makes the unsettled intents of ended runs of {@code sync} (null: of every sync) pending links; returns how many. */
    public int reclaimIntents(String sync) {
        return jdbc.update(RECLAIM, sync, sync);
    }

    private static void setColumn(PreparedStatement statement, int index, Collection<LinkOutcome> outcomes,
            Function<LinkOutcome, String> column) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("text",
                outcomes.stream().map(column).toArray()));
    }
}
