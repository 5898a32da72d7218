package io.writeback.source;

import io.writeback.kernel.Identifiers;
import io.writeback.kernel.Link;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.RunTotals;
import io.writeback.kernel.SyncMode;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.LinkCursor;
import io.writeback.link.LinkScans;
import io.writeback.link.LinkStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Runs a sync's query against the warehouse and hands its rows out in chunks. */
@Component
public class SourceReader {

    private final Warehouse warehouse;
    private final ReadAheadThreads readAhead;
    private final LinkStore links;
    private final LinkScans scans;
    /** By run, while it lives. */
    private final Map<RunContext, List<SourceStatement.Column>> probed = Collections.synchronizedMap(new WeakHashMap<>());

    /** How many chunks of rows a run that keeps unchanged rows back asks for at once before it streams them instead. */
    static final int FEW_CHUNKS = 10;

    /**
     * From a warehouse elsewhere, how many chunks of changed rows a run reads by their keys, rather than reading
     * every row: only their keys are held meanwhile.
     */
    static final int KEYS_FIRST_CHUNKS = 100;

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    public SourceReader(Warehouse warehouse, ReadAheadThreads readAhead, LinkStore links, LinkScans scans) {
        this.warehouse = warehouse;
        this.readAhead = readAhead;
        this.links = links;
        this.scans = scans;
    }

    /**
     * Opens the query of {@code run}; an incremental sync reads, in cursor order, the rows at or after
     * {@code bookmark} (null: all of them). Ties at the bookmark are read again: the payload hash makes
     * that harmless, and losing them would not be. Only the first {@code firstRows} rows when not null. When
     * the run {@linkplain RunContext#unchangedKeptBack() keeps unchanged rows back}, PostgreSQL returns only the
     * others; when {@linkplain RunContext#unchangedByLinks() links decide} from a warehouse elsewhere, a full run
     * reads the rows that changed by their keys, or, when many did, every row merged with the links.
     */
    public RowStream open(RunContext run, SourceOptions source, String bookmark, Integer firstRows) {
        boolean everyRow = !source.incremental() && run.scope().all() && firstRows == null;
        if (run.unchangedKeptBack()) {
            return open(run, source, statement -> statement.withoutUnchanged(run.linkSync()).since(bookmark).first(firstRows),
                    source.incremental(), everyRow ? Reading.FEW_AT_ONCE : Reading.STREAMED);
        }
        // Reading every row of a linked sync: rows and links in key order, merged, rather than looked up per chunk.
        boolean merged = !source.incremental() && run.scope().all() && scans.anyOf(run.linkSync());
        if (merged && everyRow && run.unchangedByLinks() && run.spec().mode() != SyncMode.MIRROR && !run.dryRun()) {
            List<String> changed = changedKeys(run, source, KEYS_FIRST_CHUNKS * source.getChunkSize());
            if (changed != null) {
                return open(run, source, statement -> statement.keysOrNone(changed), false, Reading.STREAMED);
            }
        }
        return open(run, source, statement -> {
            if (merged) {
                statement.orderedByKey();
            }
            statement.since(bookmark).first(firstRows);
        }, source.incremental(), merged ? Reading.MERGED_WITH_LINKS : Reading.STREAMED);
    }

    /** How a run's rows come out of the warehouse. */
    private enum Reading {
        /** Through a cursor, a chunk at a time. */
        STREAMED,
        /** Through a cursor in key order, next to the sync's links in the same order. */
        MERGED_WITH_LINKS,
        /**
         * Likely few (unchanged ones are kept back): asked for all at once, up to {@link SourceReader#FEW_CHUNKS} chunks of
         * them, and streamed only when there are more.
         */
        FEW_AT_ONCE
    }

    /**
     * From a warehouse elsewhere, the keys of the rows whose links do not show them unchanged: each row's key and
     * hash, in key order, merged with the sync's links, while the rows stay in the warehouse. The others count as
     * read and unchanged. Null, counting nothing, when more than {@code most} rows changed or a key is null: then
     * the run reads every row (a null key is reported there).
     */
    private List<String> changedKeys(RunContext run, SourceOptions source, int most) {
        KeyPass pass = answer(run.sync(), connection -> {
            sortInMemory(connection);
            SourceStatement hashes = SourceStatement.of(source, columnsOf(run, source, connection), run.recipe(), false)
                    .orderedByKey();
            int fetchSize = 10 * source.getChunkSize();
            try (PreparedStatement statement = connection.prepareStatement(hashes.keysAndHashesSql());
                    LinkCursor<LinkCursor.Settled> settled = links.settledCursor(run.linkSync(), fetchSize)) {
                statement.setFetchSize(fetchSize);
                hashes.bind(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    return KeyPass.over(rs, settled, most);
                }
            }
        });
        if (pass == null) {
            return null;
        }
        run.counts().add(RunTotals.readUnchanged(pass.unchanged()));
        return pass.changed();
    }

    /** What the pass over keys and hashes found: the keys of the changed rows, how many rows were unchanged. */
    private record KeyPass(List<String> changed, long unchanged) {

        /** Null when more than {@code most} rows changed or a key is null. */
        static KeyPass over(ResultSet keysAndHashes, LinkCursor<LinkCursor.Settled> settled, int most) throws SQLException {
            List<String> changed = new ArrayList<>();
            long unchanged = 0;
            while (keysAndHashes.next()) {
                String key = keysAndHashes.getString(1);
                if (key == null) {
                    return null;
                }
                LinkCursor.Settled link = settled.seek(key);
                if (link != null && link.rowHash() == keysAndHashes.getLong(2)) {
                    unchanged++;
                } else if (changed.size() == most) {
                    return null;
                } else {
                    changed.add(key);
                }
            }
            return new KeyPass(changed, unchanged);
        }
    }

    /** Lets PostgreSQL hash a sync's links, or sort the rows, in memory for this transaction. */
    private static void sortInMemory(Connection connection) throws SQLException {
        try (Statement memory = connection.createStatement()) {
            memory.execute("SET LOCAL work_mem = '64MB'");
        }
    }

    /** Whether the warehouse holds the link tables, so that PostgreSQL can keep unchanged rows back. */
    public boolean joinsLinks() {
        return warehouse.isStateDatabase();
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

    /**
     * Opens the one pass over the query that finds the links of records in the target whose rows are gone
     * (mode mirror, when unchanged rows were kept back and not read): the warehouse is Writeback's database.
     */
    VanishedLinks openVanished(RunContext run, SourceOptions source) {
        Connection connection = null;
        try {
            connection = warehouse.streamingConnection();
            PreparedStatement statement = connection.prepareStatement(
                    LinkScans.notInSource(source.sql(), Identifiers.quote(source.getKey())));
            statement.setFetchSize(source.getChunkSize());
            statement.setString(1, run.linkSync());
            return new VanishedLinks(run.sync(), connection, statement, statement.executeQuery());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new SourceQueryException("sync " + run.sync() + ": the query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The highest cursor value of the rows PostgreSQL keeps back as unchanged, above {@code after} (null: of all
     * of them); null when there is none. Those rows are settled, so the bookmark may pass them.
     */
    String highestUnchangedCursor(RunContext run, SourceOptions source, String after) {
        return answer(run.sync(), connection -> {
            SourceStatement unchanged = SourceStatement.of(source, columnsOf(run, source, connection), run.recipe(), true)
                    .onlyUnchanged(run.linkSync()).after(after);
            try (PreparedStatement statement = connection.prepareStatement(unchanged.maxCursorSql())) {
                unchanged.bind(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** Whether the query returns any row at all. */
    boolean returnsAnyRow(RunContext run, SourceOptions source) {
        return answer(run.sync(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM (" + source.sql() + "\n) AS src)");
                    ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    /** The one answer of {@code question}, asked on a read-only warehouse connection; a failure names {@code sync}. */
    private <T> T answer(String sync, Question<T> question) {
        try (Connection connection = warehouse.streamingConnection()) {
            try {
                return question.ask(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new SourceQueryException("sync " + sync + ": the query failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Question<T> {
        T ask(Connection connection) throws SQLException;
    }

    /** Opens the query of {@code run} for the rows with these keys only, wherever the bookmark is. */
    public RowStream openKeys(RunContext run, SourceOptions source, List<String> keys) {
        return open(run, source, statement -> statement.keys(keys), false, Reading.STREAMED);
    }

    /**
     * Whether the row with {@code key} sits before {@code bookmark}, where incremental runs no longer
     * read it (a row without a cursor value counts as before); empty when the query does not return it.
     */
    public Optional<Boolean> isBehindBookmark(String sync, SourceOptions source, String key, String bookmark) {
        String sql = "SELECT src." + Identifiers.quote(source.getCursor()) + " < ? FROM (" + source.sql()
                + "\n) AS src WHERE src." + Identifiers.quote(source.getKey()) + "::text = ?";
        return answer(sync, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, bookmark, Types.OTHER);
                statement.setString(2, key);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    boolean before = rs.getBoolean(1);
                    return Optional.of(before || rs.wasNull());
                }
            }
        });
    }

    /** The rows with these keys, read at once: a page of keys is at most a chunk of rows, but for repeated keys. */
    public List<SyncRecord> readKeys(RunContext run, SourceOptions source, List<String> keys) {
        try (RowStream rows = openKeys(run, source, keys)) {
            List<SyncRecord> all = new ArrayList<>();
            rows.forEachRemaining(all::addAll);
            return all;
        }
    }

    private RowStream open(RunContext run, SourceOptions source, Consumer<SourceStatement> narrowing, boolean bookmarked,
            Reading reading) {
        Connection connection = null;
        try {
            connection = warehouse.streamingConnection();
            SourceStatement wrapped = SourceStatement.of(source, columnsOf(run, source, connection), run.recipe(),
                    warehouse.isStateDatabase());
            narrowing.accept(wrapped);
            if (run.unchangedKeptBack() || reading == Reading.MERGED_WITH_LINKS) {
                // The links of the sync are hashed in memory to be joined with the query's rows, or the rows sorted.
                sortInMemory(connection);
            }
            ResultSet rs = reading == Reading.FEW_AT_ONCE ? fewRows(connection, wrapped, FEW_CHUNKS * source.getChunkSize()) : null;
            if (rs == null) {
                PreparedStatement statement = connection.prepareStatement(wrapped.sql());
                statement.setFetchSize(source.getChunkSize());
                wrapped.bind(statement);
                rs = statement.executeQuery();
            }
            List<String> columns = columns(rs.getMetaData());
            columns.remove(columns.size() - 1);
            int keyIndex = columns.indexOf(source.getKey()) + 1;
            int cursorIndex = bookmarked ? columns.indexOf(source.getCursor()) + 1 : -1;
            LinkCursor<Link> linkCursor = reading == Reading.MERGED_WITH_LINKS ? links.cursor(run.linkSync(), source.getChunkSize()) : null;
            return new RowStream(run, connection, rs.getStatement(), rs, columns, keyIndex, cursorIndex, readAhead, links,
                    linkCursor);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new SourceQueryException("sync " + run.sync() + ": the query failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * The whole answer of {@code statement} when it holds at most {@code most} rows, read at once; else null,
     * and nothing kept. A query read to its end at once may run on all of PostgreSQL's cores; a cursor never does.
     */
    private static ResultSet fewRows(Connection connection, SourceStatement statement, int most) throws SQLException {
        PreparedStatement few = connection.prepareStatement(statement.sqlAtMost(most + 1), ResultSet.TYPE_SCROLL_INSENSITIVE,
                ResultSet.CONCUR_READ_ONLY);
        statement.bind(few);
        ResultSet rs = few.executeQuery();
        if (rs.last() && rs.getRow() > most) {
            few.close();
            return null;
        }
        rs.beforeFirst();
        return rs;
    }

    /** The query's columns, probed once a run: a run opens its query again for each page of keys it retries. */
    private List<SourceStatement.Column> columnsOf(RunContext run, SourceOptions source, Connection connection)
            throws SQLException {
        List<SourceStatement.Column> known = probed.get(run);
        if (known == null) {
            known = probeColumns(run, source, connection);
            probed.put(run, known);
        }
        return known;
    }

    /**
     * The query's columns and their types, checked for the key and cursor before Writeback wraps the query
     * in a statement that names them, so that a missing column gets its own message rather than a database error.
     */
    private static List<SourceStatement.Column> probeColumns(RunContext run, SourceOptions source, Connection connection)
            throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement(
                "SELECT * FROM (" + source.sql() + "\n) AS src LIMIT 0");
                ResultSet rs = probe.executeQuery()) {
            ResultSetMetaData metaData = rs.getMetaData();
            List<String> names = columns(metaData);
            requireColumn(run, names, source.getKey(), "key");
            if (source.incremental()) {
                requireColumn(run, names, source.getCursor(), "cursor");
            }
            List<SourceStatement.Column> columns = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                columns.add(new SourceStatement.Column(names.get(i), metaData.getColumnTypeName(i + 1)));
            }
            return columns;
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
