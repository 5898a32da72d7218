package io.writeback.link;

import io.writeback.kernel.Link;
import io.writeback.kernel.LinkStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;

/**
 * The links of one sync read in one pass, in the order of their source ids' bytes ({@code COLLATE "C"}),
 * next to a source read in the same order: a merge, where looking each chunk's keys up would probe the
 * link table's index once per row. Closing it ends its read transaction.
 */
public final class LinkCursor<T> implements AutoCloseable {

    private static final String IN_ORDER = " ORDER BY source_id COLLATE \"C\"";

    private static final String ALL = "SELECT " + LinkSql.LINK_COLUMNS + " FROM writeback.links WHERE sync = ?" + IN_ORDER;

    private static final String SETTLED = "SELECT source_id, row_hash FROM writeback.links l WHERE sync = ? AND "
            + settledSql("l") + " AND row_hash IS NOT NULL" + IN_ORDER;

    /** A link that shows its row unchanged when the row's hash is {@code rowHash} ({@link Link#unchangedAt}). */
    public record Settled(String sourceId, long rowHash) {
    }

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rs;
    private final RowMapper<T> mapper;
    private final Function<T, String> sourceIdOf;
    private T current;
    private boolean exhausted;

    private LinkCursor(Connection connection, PreparedStatement statement, RowMapper<T> mapper,
            Function<T, String> sourceIdOf) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.rs = statement.executeQuery();
        this.mapper = mapper;
        this.sourceIdOf = sourceIdOf;
    }

    /**
     * Whether the link aliased {@code alias} is in sync and owes nothing (no echo to read back, no target id to write
     * back): then it shows its row unchanged when it holds the row's hash. {@link Link#unchangedAt} in SQL.
     */
    public static String settledSql(String alias) {
        return LinkStatus.inSql("""
                (%1$s.status IN ({SUCCESS}, {SKIPPED_SAME_HASH}) AND %1$s.echo_payload IS NULL AND %1$s.target_id IS NOT NULL
                 AND %1$s.write_back_error IS NULL AND %1$s.payload_hash IS NOT NULL)""").formatted(alias);
    }

    /** Opens the links of {@code sync}, fetched {@code fetchSize} at a time. */
    public static LinkCursor<Link> all(DataSource state, String sync, int fetchSize) throws SQLException {
        return open(state, ALL, sync, fetchSize, LinkSql.LINK, Link::sourceId);
    }

    /** Opens the {@linkplain #settledSql settled} links of {@code sync}, each its source id and row hash only. */
    public static LinkCursor<Settled> settled(DataSource state, String sync, int fetchSize) throws SQLException {
        return open(state, SETTLED, sync, fetchSize, (rs, row) -> new Settled(rs.getString(1), rs.getLong(2)),
                Settled::sourceId);
    }

    private static <T> LinkCursor<T> open(DataSource state, String sql, String sync, int fetchSize, RowMapper<T> mapper,
            Function<T, String> sourceIdOf) throws SQLException {
        Connection connection = state.getConnection();
        try {
            // PostgreSQL's driver streams a result only inside a transaction.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(fetchSize);
            statement.setString(1, sync);
            return new LinkCursor<>(connection, statement, mapper, sourceIdOf);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The link of {@code sourceId}, or null. Source ids must be asked in ascending byte order (the same one
     * twice is fine: a key the query repeats).
     */
    public synchronized T seek(String sourceId) throws SQLException {
        while (!exhausted && (current == null || KeyOrder.compare(sourceIdOf.apply(current), sourceId) < 0)) {
            if (rs.next()) {
                current = mapper.mapRow(rs, rs.getRow());
            } else {
                exhausted = true;
                current = null;
            }
        }
        return current != null && sourceIdOf.apply(current).equals(sourceId) ? current : null;
    }

    @Override
    public synchronized void close() throws SQLException {
        try (connection; statement; rs) {
            connection.rollback();
        }
    }

    /** The order of {@code COLLATE "C"} on UTF-8 text: by code point, which is the order of the bytes. */
    static final class KeyOrder {

        private KeyOrder() {
        }

        static int compare(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int x = a.codePointAt(i);
                int y = b.codePointAt(j);
                if (x != y) {
                    return Integer.compare(x, y);
                }
                i += Character.charCount(x);
                j += Character.charCount(y);
            }
            return Integer.compare(a.length() - i, b.length() - j);
        }
    }
}
