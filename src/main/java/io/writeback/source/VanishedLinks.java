package io.writeback.source;

import io.writeback.kernel.Link;
import io.writeback.link.LinkScans;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The open result of the one pass that finds the links of records in the target whose rows the query no
 * longer returns, read a page at a time; closing it ends the read transaction.
 */
final class VanishedLinks implements AutoCloseable {

    private final String sync;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rs;

    VanishedLinks(String sync, Connection connection, PreparedStatement statement, ResultSet rs) {
        this.sync = sync;
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
    }

    synchronized List<Link> next(int pageSize) {
        List<Link> page = new ArrayList<>(pageSize);
        try {
            while (page.size() < pageSize && rs.next()) {
                page.add(LinkScans.link(rs));
            }
        } catch (SQLException e) {
            throw new SourceQueryException("sync " + sync + ": finding the records whose rows left the source failed: "
                    + e.getMessage(), e);
        }
        return page;
    }

    @Override
    public synchronized void close() throws SQLException {
        try (connection; statement; rs) {
            connection.rollback();
        }
    }
}
