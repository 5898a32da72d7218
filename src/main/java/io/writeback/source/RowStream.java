package io.writeback.source;

import io.writeback.kernel.Action;
import io.writeback.kernel.Link;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.ChunkLinks;
import io.writeback.link.LinkCursor;
import io.writeback.link.LinkStore;
import io.writeback.mapping.JsonValues;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The open result of a sync's query, as an iterator of chunks, read one chunk ahead on another thread
 * while the run works on the chunk before, links looked up: it holds two chunks in memory at most,
 * whatever the size of the result. Whether more rows come is only known once the read ahead ends, so
 * the last chunk may be empty. Closing it ends the read transaction.
 */
public final class RowStream implements Iterator<List<SyncRecord>>, AutoCloseable {

    private static final String UNCHANGED_BY_LINK = "the row is as it was when its payload was last sent";

    private final RunContext run;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rs;
    private final List<String> columns;
    private final int keyIndex;
    /** The cursor column, when this stream's rows count for the bookmark; -1 otherwise. */
    private final int cursorIndex;
    private final Executor readAhead;
    private final LinkStore links;
    /** The sync's links in key order, when the rows come in key order too: a merge instead of lookups; else null. */
    private final LinkCursor<Link> linkCursor;
    private CompletableFuture<List<SyncRecord>> reading;
    private boolean exhausted;
    private boolean closed;

    RowStream(RunContext run, Connection connection, Statement statement, ResultSet rs, List<String> columns,
            int keyIndex, int cursorIndex, Executor readAhead, LinkStore links, LinkCursor<Link> linkCursor) {
        this.run = run;
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
        this.columns = columns;
        this.keyIndex = keyIndex;
        this.cursorIndex = cursorIndex;
        this.readAhead = readAhead;
        this.links = links;
        this.linkCursor = linkCursor;
    }

    /** The column labels of the query, in order. */
    public List<String> columns() {
        return Collections.unmodifiableList(columns);
    }

    @Override
    public synchronized boolean hasNext() {
        if (reading == null && !exhausted && !closed) {
            reading = CompletableFuture.supplyAsync(this::readChunk, readAhead);
        }
        return reading != null;
    }

    @Override
    public synchronized List<SyncRecord> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<SyncRecord> chunk = awaitReading();
        if (chunk.size() < run.spec().chunkSize()) {
            exhausted = true;
            close();
        } else {
            hasNext();
        }
        return chunk;
    }

    private List<SyncRecord> awaitReading() {
        try {
            return reading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        } finally {
            reading = null;
        }
    }

    private List<SyncRecord> readChunk() {
        int size = run.spec().chunkSize();
        List<SyncRecord> chunk = new ArrayList<>(size);
        try {
            while (chunk.size() < size && rs.next()) {
                chunk.add(record());
            }
        } catch (SQLException e) {
            throw new SourceQueryException("sync " + run.sync() + ": reading the query's rows failed: " + e.getMessage(), e);
        }
        run.counts().read(chunk.size());
        // Links are looked up ahead too (the plan knows which of them may be out of date: ChunkSettling).
        // Merged rows have their links already (record()).
        if (linkCursor == null) {
            ChunkLinks.lookUp(links, run.linkSync(), chunk);
        }
        for (SyncRecord record : chunk) {
            if (record.action() == null && unchangedByLink(record.link(), record.rowHash())) {
                record.decide(Action.UNCHANGED, UNCHANGED_BY_LINK);
            }
        }
        return chunk;
    }

    private SyncRecord record() throws SQLException {
        String key = rs.getString(keyIndex);
        // The row hash follows the query's own columns (SourceStatement).
        long rowHash = rs.getLong(columns.size() + 1);
        Link link = key != null && linkCursor != null ? linkCursor.seek(key) : null;
        if (unchangedByLink(link, rowHash)) {
            // Decided by its link alone: nothing reads its columns, so they are not converted.
            SyncRecord unchanged = new SyncRecord(key, Map.of());
            unchanged.setRowHash(rowHash);
            unchanged.setLink(link);
            unchanged.decide(Action.UNCHANGED, UNCHANGED_BY_LINK);
            return unchanged;
        }
        Map<String, Object> row = new LinkedHashMap<>(columns.size() * 2);
        String unsendable = null;
        for (int i = 0; i < columns.size(); i++) {
            try {
                row.put(columns.get(i), JsonValues.of(rs.getObject(i + 1)));
            } catch (JsonValues.UnsendableValueException e) {
                row.put(columns.get(i), null);
                unsendable = unsendable != null ? unsendable : "the column '" + columns.get(i) + "' " + e.getMessage();
            }
        }
        SyncRecord record = key == null
                ? SyncRecord.invalid(row, "the key column '" + run.spec().key() + "' is null")
                : new SyncRecord(key, row);
        if (key != null && unsendable != null) {
            record.decide(Action.INVALID, unsendable);
        }
        if (cursorIndex > 0) {
            record.setCursorValue(rs.getString(cursorIndex));
        }
        record.setRowHash(rowHash);
        if (linkCursor != null && record.action() == null) {
            record.setLink(link);
        }
        return record;
    }

    /** Whether the run decides rows by their links, and {@code link} shows the row with {@code rowHash} unchanged. */
    private boolean unchangedByLink(Link link, Long rowHash) {
        return run.unchangedByLinks() && link != null && link.unchangedAt(rowHash);
    }

    /** Ends the read transaction, once a read ahead under way is over. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (reading != null) {
            reading.exceptionally(failure -> List.of()).join();
            reading = null;
        }
        try (connection; statement; rs; linkCursor) {
            connection.rollback();
        } catch (SQLException e) {
            throw new SourceQueryException("sync " + run.sync() + ": closing the query failed: " + e.getMessage(), e);
        }
    }
}
