package io.writeback.source;

import io.writeback.plan.SyncMode;
import io.writeback.sync.Identifiers;
import io.writeback.pipeline.StageOptions;
import java.util.List;

/** Parameters of {@code writeback:source}: the query a sync reads and how its rows are identified. */
public class SourceOptions implements StageOptions {

    static final int MAX_CHUNK_SIZE = 10_000;

    private String query;
    private String key;
    private String cursor;
    private SyncMode mode = SyncMode.UPSERT;
    private int chunkSize = 500;
    private ErrorPolicy errorPolicy = ErrorPolicy.CONTINUE;

    @Override
    public void check(List<String> problems) {
        if (query == null || query.isBlank()) {
            problems.add("writeback:source needs 'query': the SQL that returns the rows to sync");
        }
        if (key == null || key.isBlank()) {
            problems.add("writeback:source needs 'key': the column that identifies a row");
        } else if (!Identifiers.isColumn(key)) {
            problems.add("writeback:source 'key' must be a plain column name, not '" + key + "'");
        }
        if (cursor != null && !cursor.isBlank() && !Identifiers.isColumn(cursor)) {
            problems.add("writeback:source 'cursor' must be a plain column name, not '" + cursor + "'");
        }
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            problems.add("writeback:source 'chunkSize' must be between 1 and " + MAX_CHUNK_SIZE + ", not " + chunkSize);
        }
    }

    /** The query without trailing semicolons, so that it can be wrapped in a subquery. */
    public String query() {
        return query.strip().replaceAll(";+\\s*$", "");
    }

    public String key() {
        return key;
    }

    public boolean incremental() {
        return cursor != null && !cursor.isBlank();
    }

    public String cursor() {
        return incremental() ? cursor : null;
    }

    public SyncMode mode() {
        return mode;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    public void setErrorPolicy(ErrorPolicy errorPolicy) {
        this.errorPolicy = errorPolicy;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public void setMode(SyncMode mode) {
        this.mode = mode;
    }

    public void setChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
    }
}
