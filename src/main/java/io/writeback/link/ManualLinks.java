package io.writeback.link;

import io.writeback.kernel.LinkStatus;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Links as operators read and set them: one record's whole row, a pending link settled by hand, seeded links. */
@Repository
public class ManualLinks {

    private static final String ROW = """
            SELECT source_id, target_id, status, payload_hash, first_synced_at, last_synced_at, last_error, attempts,
                   last_run_id, write_back_error
            FROM writeback.links WHERE sync = ? AND source_id = ?""";

    private static final RowMapper<LinkRow> LINK_ROW = (rs, row) -> new LinkRow(rs.getString("source_id"),
            rs.getString("target_id"), rs.getString("status"), rs.getString("payload_hash"),
            rs.getObject("first_synced_at", OffsetDateTime.class), rs.getObject("last_synced_at", OffsetDateTime.class),
            rs.getString("last_error"), rs.getInt("attempts"), rs.getObject("last_run_id", Long.class),
            rs.getString("write_back_error"));

    private static final String FORGET_PENDING = LinkStatus.inSql(
            "DELETE FROM writeback.links WHERE sync = ? AND source_id = ? AND status = {PENDING}");

    private static final String FORGET = "DELETE FROM writeback.links WHERE sync = ? AND source_id = ?";

    private static final String FORGET_ALL = "DELETE FROM writeback.links WHERE sync = ?";

    private static final String SETTLE_PENDING = LinkStatus.inSql("""
            UPDATE writeback.links SET status = {SUCCESS}, target_id = ?, payload_hash = NULL, row_hash = NULL, last_error = NULL,
                                       intent_key = NULL, last_synced_at = now()
            WHERE sync = ? AND source_id = ? AND status = {PENDING}""");

    private static final String SEED = LinkStatus.inSql("""
            INSERT INTO writeback.links (sync, source_id, target_id, status, attempts, first_synced_at, last_synced_at)
            SELECT ?, p.source_id, p.target_id, {SUCCESS}, 0, now(), now()
            FROM unnest(?::text[], ?::text[]) AS p (source_id, target_id)
            ON CONFLICT (sync, source_id) DO NOTHING""");

    private final JdbcTemplate jdbc;

    public ManualLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The link of one record, if there is one. */
    public Optional<LinkRow> row(String sync, String sourceId) {
        return jdbc.query(ROW, LINK_ROW, sync, sourceId).stream().findFirst();
    }

    /**
     * Settles a pending link by hand: to {@code targetId} (its payload is sent again by the next run), or,
     * with a null target id, by forgetting it (the next run inserts the record). False when not pending.
     */
    public boolean resolvePending(String sync, String sourceId, String targetId) {
        if (targetId == null) {
            return jdbc.update(FORGET_PENDING, sync, sourceId) == 1;
        }
        return jdbc.update(SETTLE_PENDING, targetId, sync, sourceId) == 1;
    }

    /**
     * Forgets the link of one record, whatever its state: the next run that reads its row treats it as
     * never sent. False when it had none.
     */
    public boolean forget(String sync, String sourceId) {
        return jdbc.update(FORGET, sync, sourceId) == 1;
    }

    /** Forgets every link of {@code sync}; returns how many. */
    public int forgetAll(String sync) {
        return jdbc.update(FORGET_ALL, sync);
    }

    /**
     * Links each source id to its target id, as records already in the target (no payload hash: the
     * next run sends their payload); source ids linked already are left as they are. Returns how many
     * links it wrote.
     */
    public int seed(String sync, List<String> sourceIds, List<String> targetIds) {
        return jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(SEED);
            statement.setString(1, sync);
            statement.setArray(2, connection.createArrayOf("text", sourceIds.toArray()));
            statement.setArray(3, connection.createArrayOf("text", targetIds.toArray()));
            return statement;
        });
    }
}
