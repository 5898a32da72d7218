package io.writeback.link;

import io.writeback.kernel.Link;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The links of one sync read in one pass, in the order of their source ids' bytes ({@code COLLATE "C"}),
 * next to a source read in the same order: a merge, where looking each chunk's keys up would probe the
 * link table's index once per row. Closing it ends its read transaction.
 */
public final class LinkCursor implements AutoCloseable {

    private static final String ALL_IN_ORDER = "SELECT " + LinkSql.LINK_COLUMNS
            + " FROM writeback.links WHERE sync = ? ORDER BY source_id COLLATE \"C\"";

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rs;
    private Link current;
    private boolean exhausted;

    private LinkCursor(Connection connection, PreparedStatement statement, ResultSet rs) {
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
    }

    /** Opens the links of {@code sync}, fetched {@code fetchSize} at a time. */
    public static LinkCursor open(DataSource state, String sync, int fetchSize) throws SQLException {
        Connection connection = state.getConnection();
        try {
            // PostgreSQL's driver streams a result only inside a transaction.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            PreparedStatement statement = connection.prepareStatement(ALL_IN_ORDER);
            statement.setFetchSize(fetchSize);
            statement.setString(1, sync);
            return new LinkCursor(connection, statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The link of {@code sourceId}, or null. Source ids must be asked in ascending byte order (the same one
     * twice is fine: a key the query repeats).
     */
    public synchronized Link seek(String sourceId) throws SQLException {
        while (!exhausted && (current == null || KeyOrder.compare(current.sourceId(), sourceId) < 0)) {
            if (rs.next()) {
                current = LinkSql.LINK.mapRow(rs, rs.getRow());
            } else {
                exhausted = true;
                current = null;
            }
        }
        return current != null && current.sourceId().equals(sourceId) ? current : null;
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
