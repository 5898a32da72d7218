package io.writeback.link;

import io.writeback.kernel.Link;
import io.writeback.kernel.LinkStatus;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A chunk's links, read and written a chunk at a time: one round trip per chunk, never one per row. */
@Repository
public class LinkStore {

    /**
     * One probe of the primary key per source id, whatever the statistics say. With {@code source_id = ANY (?)},
     * a sync that the last ANALYZE did not see is planned as a few rows, and PostgreSQL scans all its links for
     * each chunk, filtering them by key: a load of a new sync beside others slowed as its links grew. The
     * {@code LIMIT} keeps the lateral query from being flattened into a join planned the same way.
     */
    static final String FIND = "SELECT " + LinkSql.LINK_COLUMNS + """
             FROM unnest(?::text[]) AS wanted (key)
            CROSS JOIN LATERAL (SELECT * FROM writeback.links l WHERE l.sync = ? AND l.source_id = wanted.key LIMIT 1) AS link""";

    /** A chunk's outcomes in one statement, which also deletes the chunk's intents: both happen, or neither. */
    private static final String RECORD = LinkStatus.inSql("""
            WITH settled AS (DELETE FROM writeback.intents WHERE id = ANY (?))
            INSERT INTO writeback.links AS l (sync, source_id, target_id, status, payload_hash, intent_key,
                                              first_synced_at, last_synced_at, last_error, attempts, last_run_id, row_hash)
            SELECT ?, o.source_id, o.target_id, o.status, o.payload_hash, o.intent_key,
                   CASE WHEN o.status = {SUCCESS} THEN now() END, CASE WHEN o.status <> {WAITING} THEN now() END, o.last_error,
                   CASE WHEN o.status IN ({SUCCESS}, {ERROR}) THEN 1 ELSE 0 END, ?, o.row_hash
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                 AS o (source_id, target_id, status, payload_hash, intent_key, last_error, row_hash)
            ON CONFLICT (sync, source_id) DO UPDATE SET
                target_id       = COALESCE(EXCLUDED.target_id, l.target_id),
                status          = EXCLUDED.status,
                payload_hash    = COALESCE(EXCLUDED.payload_hash, l.payload_hash),
                intent_key      = COALESCE(EXCLUDED.intent_key, l.intent_key),
                first_synced_at = COALESCE(l.first_synced_at, EXCLUDED.first_synced_at),
                last_synced_at  = CASE WHEN EXCLUDED.status = {WAITING} THEN l.last_synced_at ELSE now() END,
                last_error      = EXCLUDED.last_error,
                echo_payload    = CASE WHEN EXCLUDED.status IN ({SUCCESS}, {SKIPPED_SAME_HASH}) THEN NULL ELSE l.echo_payload END,
                attempts        = CASE WHEN EXCLUDED.status IN ({PENDING}, {WAITING}) THEN l.attempts
                                       WHEN l.status IN ({ERROR}, {PENDING}) THEN l.attempts + 1 ELSE 1 END,
                last_run_id     = EXCLUDED.last_run_id,
                row_hash        = EXCLUDED.row_hash""");

    /**
     * What a paired sync wrote, noted in its pair's links: the pair's record (source id: the target id
     * written) is linked to this sync's record, and holds the payload written until the pair reads it back.
     */
    private static final String NOTE_ECHOES = LinkStatus.inSql("""
            INSERT INTO writeback.links AS l (sync, source_id, target_id, status, attempts, first_synced_at, last_synced_at,
                                              echo_payload)
            SELECT ?, e.source_id, e.target_id, {SUCCESS}, 0, now(), now(), e.payload::jsonb
            FROM unnest(?::text[], ?::text[], ?::text[]) AS e (source_id, target_id, payload)
            ON CONFLICT (sync, source_id) DO UPDATE SET
                echo_payload = EXCLUDED.echo_payload,
                status       = CASE WHEN l.target_id IS NULL THEN {SUCCESS} ELSE l.status END,
                target_id    = COALESCE(l.target_id, EXCLUDED.target_id)""");

    private static final String NOTE_WRITE_BACKS = """
            UPDATE writeback.links l SET write_back_error = w.error
            FROM unnest(?::text[], ?::text[]) AS w (source_id, error)
            WHERE l.sync = ? AND l.source_id = w.source_id""";

    private static final String FORGET_TARGETS = "UPDATE writeback.links SET target_id = NULL WHERE sync = ? AND source_id = ANY (?)";

    /** Unchanged records (a row hash given): skipped-same-hash at that hash; seen ones: the run only. */
    private static final String MARK_UNCHANGED = LinkStatus.inSql("""
            UPDATE writeback.links l SET
                status      = CASE WHEN m.row_hash IS NULL THEN l.status ELSE {SKIPPED_SAME_HASH} END,
                row_hash    = COALESCE(m.row_hash, l.row_hash),
                last_error  = CASE WHEN m.row_hash IS NULL THEN l.last_error END,
                last_run_id = ?
            FROM unnest(?::text[], ?::bigint[]) AS m (source_id, row_hash)
            WHERE l.sync = ? AND l.source_id = m.source_id""");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public LinkStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The links of {@code sync}, in one pass in source id order, for a source read in that order. */
    public LinkCursor<Link> cursor(String sync, int fetchSize) {
        return openCursor(sync, () -> LinkCursor.all(jdbc.getDataSource(), sync, fetchSize));
    }

    /** The settled links of {@code sync} (source id and row hash), in one pass in source id order. */
    public LinkCursor<LinkCursor.Settled> settledCursor(String sync, int fetchSize) {
        return openCursor(sync, () -> LinkCursor.settled(jdbc.getDataSource(), sync, fetchSize));
    }

    private static <T> LinkCursor<T> openCursor(String sync, CursorOpening<T> opening) {
        try {
            return opening.open();
        } catch (SQLException e) {
            throw new IllegalStateException("the links of sync " + sync + " cannot be read: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface CursorOpening<T> {
        LinkCursor<T> open() throws SQLException;
    }

    /** The link rows of {@code sourceIds} that exist, by source id. */
    public Map<String, Link> find(String sync, Collection<String> sourceIds) {
        Map<String, Link> links = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return links;
        }
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(FIND);
            statement.setArray(1, connection.createArrayOf("text", sourceIds.toArray()));
            statement.setString(2, sync);
            return statement;
        }, (ResultSet rs) -> {
            Link link = LinkSql.LINK.mapRow(rs, 0);
            links.put(link.sourceId(), link);
        });
        return links;
    }

    /**
     * Writes the outcomes of one chunk with its {@code notes}, in one transaction when there are notes:
     * what the chunk wrote into the links of the sync's pair, and how the write back of its new target
     * ids went.
     */
    public void record(String sync, long runId, List<LinkOutcome> outcomes, List<Long> intentsIds, ChunkNotes notes) {
        List<String> forgotten = outcomes.stream().filter(LinkOutcome::forgetsTarget).map(LinkOutcome::sourceId).toList();
        if (notes.echoes().isEmpty() && notes.writeBacks().isEmpty() && forgotten.isEmpty()) {
            record(sync, runId, outcomes, intentsIds);
            return;
        }
        transaction.executeWithoutResult(status -> {
            record(sync, runId, outcomes, intentsIds);
            if (!forgotten.isEmpty()) {
                jdbc.update(connection -> {
                    PreparedStatement statement = connection.prepareStatement(FORGET_TARGETS);
                    statement.setString(1, sync);
                    statement.setArray(2, texts(connection, forgotten.stream()));
                    return statement;
                });
            }
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
     * Writes the outcomes of one chunk and settles its intents ({@code intentsIds}) in one statement, then
     * marks its unchanged and seen records; every outcome of a source id but its last is ignored.
     */
    public void record(String sync, long runId, List<LinkOutcome> outcomes, List<Long> intentsIds) {
        Map<String, LinkOutcome> written = new LinkedHashMap<>();
        List<LinkOutcome> marked = new ArrayList<>();
        for (LinkOutcome outcome : outcomes) {
            // An echo read back carries the hash of the payload as it is now: written like any outcome that sets one.
            if (outcome.marksOnly()) {
                marked.add(outcome);
            } else {
                written.put(outcome.sourceId(), outcome);
            }
        }
        if (!written.isEmpty() || !intentsIds.isEmpty()) {
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(RECORD);
                statement.setArray(1, connection.createArrayOf("bigint", intentsIds.toArray()));
                statement.setString(2, sync);
                statement.setLong(3, runId);
                setColumn(statement, 4, written.values(), LinkOutcome::sourceId);
                setColumn(statement, 5, written.values(), LinkOutcome::targetId);
                setColumn(statement, 6, written.values(), outcome -> outcome.status().dbValue());
                setColumn(statement, 7, written.values(), LinkOutcome::payloadHash);
                setColumn(statement, 8, written.values(), LinkOutcome::intentKey);
                setColumn(statement, 9, written.values(), LinkOutcome::error);
                statement.setArray(10, connection.createArrayOf("bigint", written.values().stream().map(LinkOutcome::rowHash).toArray()));
                return statement;
            });
        }
        if (!marked.isEmpty()) {
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(MARK_UNCHANGED);
                statement.setLong(1, runId);
                statement.setArray(2, texts(connection, marked.stream().map(LinkOutcome::sourceId)));
                statement.setArray(3, connection.createArrayOf("bigint", marked.stream().map(LinkOutcome::rowHash).toArray()));
                statement.setString(4, sync);
                return statement;
            });
        }
    }

    private static Array texts(Connection connection, Stream<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static void setColumn(PreparedStatement statement, int index, Collection<LinkOutcome> outcomes,
            Function<LinkOutcome, String> column) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("text",
                outcomes.stream().map(column).toArray()));
    }
}
