package io.writeback.source;

import io.writeback.kernel.Identifiers;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.LinkStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Runs a sync's query against the warehouse and hands its rows out in chunks. */
@Component
public class SourceReader {

    private final Warehouse warehouse;
    private final ReadAheadThreads readAhead;
    private final LinkStore links;

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    public SourceReader(Warehouse warehouse, ReadAheadThreads readAhead, LinkStore links) {
        this.warehouse = warehouse;
        this.readAhead = readAhead;
        this.links = links;
    }

    /**
     * Opens the query of {@code run}; an incremental sync reads, in cursor order, the rows at or after
     * {@code bookmark} (null: all of them). Ties at the bookmark are read again: the payload hash makes
     * that harmless, and losing them would not be. Only the first {@code firstRows} rows when not null.
     */
    public RowStream open(RunContext run, SourceOptions source, String bookmark, Integer firstRows) {
        String sql = firstRows == null ? statement(source, bookmark)
                : "SELECT * FROM (" + statement(source, bookmark) + "\n) AS first_rows LIMIT " + firstRows;
        return open(run, source, sql, statement -> {
            if (bookmark != null) {
                // Sent untyped, so that PostgreSQL reads the text as the cursor column's own type.
                statement.setObject(1, bookmark, Types.OTHER);
            }
        }, source.incremental());
    }

    /**
     * PostgreSQL's estimate of the rows the run would read from {@code bookmark} on (its planner's, from
     * {@code EXPLAIN}: the query is not run); null when it cannot say.
     */
    public Long estimateRows(SourceOptions source, String bookmark) {
        try (Connection connection = warehouse.streamingConnection();
                PreparedStatement statement = connection.prepareStatement("EXPLAIN (FORMAT JSON) " + statement(source, bookmark))) {
            if (bookmark != null) {
                statement.setObject(1, bookmark, Types.OTHER);
            }
            try (ResultSet rs = statement.executeQuery()) {
                String plan = rs.next() ? rs.getString(1) : "";
                Matcher rows = PLAN_ROWS.matcher(plan);
                return rows.find() ? Long.parseLong(rows.group(1)) : null;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /** Opens the query of {@code run} for the rows with these keys only, wherever the bookmark is. */
    public RowStream openKeys(RunContext run, SourceOptions source, List<String> keys) {
        String sql = "SELECT * FROM (" + source.sql() + "\n) AS src WHERE src."
                + Identifiers.quote(source.getKey()) + "::text = ANY (?)";
        return open(run, source, sql, statement -> statement.setArray(1,
                statement.getConnection().createArrayOf("text", keys.toArray())), false);
    }

    /**
     * Whether the row with {@code key} sits before {@code bookmark}, where incremental runs no longer
     * read it (a row without a cursor value counts as before); empty when the query does not return it.
     */
    public Optional<Boolean> isBehindBookmark(String sync, SourceOptions source, String key, String bookmark) {
        String sql = "SELECT src." + Identifiers.quote(source.getCursor()) + " < ? FROM (" + source.sql()
                + "\n) AS src WHERE src." + Identifiers.quote(source.getKey()) + "::text = ?";
        try (Connection connection = warehouse.streamingConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, bookmark, Types.OTHER);
            statement.setString(2, key);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                boolean before = rs.getBoolean(1);
                return Optional.of(before || rs.wasNull());
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new SourceQueryException("sync " + sync + ": the query failed: " + e.getMessage(), e);
        }
    }

    /** The rows with these keys, read at once: a page of keys is at most a chunk of rows, but for repeated keys. */
    public List<SyncRecord> readKeys(RunContext run, SourceOptions source, List<String> keys) {
        try (RowStream rows = openKeys(run, source, keys)) {
            List<SyncRecord> all = new ArrayList<>();
            rows.forEachRemaining(all::addAll);
            return all;
        }
    }

    private RowStream open(RunContext run, SourceOptions source, String sql, Binder binder, boolean bookmarked) {
        Connection connection = null;
        try {
            connection = warehouse.streamingConnection();
            if (!sql.equals(source.sql()) && run.firstSourceRead()) {
                probeColumns(run, source, connection);
            }
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(source.getChunkSize());
            binder.bind(statement);
            ResultSet rs = statement.executeQuery();
            List<String> columns = columns(rs.getMetaData());
            int keyIndex = requireColumn(run, columns, source.getKey(), "key");
            int cursorIndex = source.incremental() ? requireColumn(run, columns, source.getCursor(), "cursor") : -1;
            return new RowStream(run, connection, statement, rs, columns, keyIndex, bookmarked ? cursorIndex : -1, readAhead, links);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new SourceQueryException("sync " + run.sync() + ": the query failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Checks that the query returns the key and cursor columns before Writeback wraps it in a statement
     * that names them, so that a missing column gets its own message rather than a database error.
     */
    private static void probeColumns(RunContext run, SourceOptions source, Connection connection) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement(
                "SELECT * FROM (" + source.sql() + "\n) AS src LIMIT 0");
                ResultSet rs = probe.executeQuery()) {
            List<String> columns = columns(rs.getMetaData());
            requireColumn(run, columns, source.getKey(), "key");
            if (source.incremental()) {
                requireColumn(run, columns, source.getCursor(), "cursor");
            }
        }
    }

    static String statement(SourceOptions source, String bookmark) {
        if (!source.incremental()) {
            return source.sql();
        }
        String cursor = "src." + Identifiers.quote(source.getCursor());
        return "SELECT * FROM (" + source.sql() + "\n) AS src"
                + (bookmark == null ? "" : " WHERE " + cursor + " >= ?")
                + " ORDER BY " + cursor;
    }

    /** Binds the parameters of a source statement. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static List<String> columns(ResultSetMetaData metaData) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(metaData.getColumnLabel(i));
        }
        return columns;
    }

    private static int requireColumn(RunContext run, List<String> columns, String column, String role) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new SourceQueryException("sync " + run.sync() + ": the query returns no column '" + column
                    + "', which the sync names as its " + role + " (it returns: " + String.join(", ", columns) + ")");
        }
        return index + 1;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // the query's own error is the one worth reporting
            }
        }
    }
}
