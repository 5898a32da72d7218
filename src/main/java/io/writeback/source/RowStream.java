package io.writeback.source;

import io.writeback.mapping.JsonValues;
import io.writeback.pipeline.SyncRecord;
import io.writeback.run.RunContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The open result of a sync's query, as an iterator of chunks: it holds one chunk in memory at a
 * time, whatever the size of the result. Closing it ends the read transaction.
 */
public final class RowStream implements Iterator<List<SyncRecord>>, AutoCloseable {

    private final RunContext run;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rs;
    private final List<String> columns;
    private final int keyIndex;
    /** The cursor column, when this stream's rows count for the bookmark; -1 otherwise. */
    private final int cursorIndex;
    private List<SyncRecord> next;
    private boolean closed;

    RowStream(RunContext run, Connection connection, Statement statement, ResultSet rs, List<String> columns,
            int keyIndex, int cursorIndex) {
        this.run = run;
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
        this.columns = columns;
        this.keyIndex = keyIndex;
        this.cursorIndex = cursorIndex;
    }

    /** The column labels of the query, in order. */
    public List<String> columns() {
        return Collections.unmodifiableList(columns);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !closed) {
            next = readChunk();
            if (next.isEmpty()) {
                close();
            }
        }
        return next != null && !next.isEmpty();
    }

    @Override
    public List<SyncRecord> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<SyncRecord> chunk = next;
        next = null;
        return chunk;
    }

    private List<SyncRecord> readChunk() {
        int size = run.source().chunkSize();
        List<SyncRecord> chunk = new ArrayList<>(size);
        try {
            while (chunk.size() < size && rs.next()) {
                chunk.add(record());
            }
        } catch (SQLException e) {
            throw new SourceQueryException("sync " + run.sync() + ": reading the query's rows failed: " + e.getMessage(), e);
        }
        run.counts().read(chunk.size());
        return chunk;
    }

    private SyncRecord record() throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>(columns.size() * 2);
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), JsonValues.of(rs.getObject(i + 1)));
        }
        String key = rs.getString(keyIndex);
        SyncRecord record = key == null
                ? SyncRecord.invalid(row, "the key column '" + run.source().key() + "' is null")
                : new SyncRecord(key, row);
        if (cursorIndex > 0) {
            record.setCursorValue(rs.getString(cursorIndex));
        }
        return record;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (connection; statement; rs) {
            connection.rollback();
        } catch (SQLException e) {
            throw new SourceQueryException("sync " + run.sync() + ": closing the query failed: " + e.getMessage(), e);
        }
    }
}
