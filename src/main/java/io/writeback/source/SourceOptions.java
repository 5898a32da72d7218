package io.writeback.source;

import io.writeback.kernel.ErrorPolicy;
import io.writeback.kernel.Identifiers;
import io.writeback.kernel.StageOptions;
import io.writeback.kernel.SyncMode;
import io.writeback.kernel.SyncSpec;
import io.writeback.kernel.Vanished;
import java.util.List;

/** Parameters of {@code writeback:source}: the query a sync reads and how its rows are identified. */
public class SourceOptions implements StageOptions {

    /** The stage's name in a sync file: {@code writeback:source}. */
    public static final String STAGE = "source";

    static final int MAX_CHUNK_SIZE = 10_000;

    private String query;
    private String key;
    private String cursor;
    private SyncMode mode = SyncMode.UPSERT;
    private int chunkSize = 500;
    private ErrorPolicy errorPolicy = ErrorPolicy.CONTINUE;
    private Vanished vanished;
    private String archiveField;
    private String archiveValue = "true";
    private String linksOf;
    private String pair;

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
        if (mode == SyncMode.MIRROR && incremental()) {
            problems.add("writeback:source mode mirror needs a full scan to see which rows left the source: remove 'cursor'");
        }
        if (vanished != null && mode != SyncMode.MIRROR) {
            problems.add("writeback:source 'vanished' applies to mode mirror only, and the mode is " + mode.name().toLowerCase());
        }
        if (vanished == Vanished.ARCHIVE && (archiveField == null || archiveField.isBlank())) {
            problems.add("writeback:source vanished: archive needs 'archiveField': the target field that marks a record archived");
        }
        if (archiveField != null && vanished != Vanished.ARCHIVE) {
            problems.add("writeback:source 'archiveField' needs vanished: archive");
        }
        if (linksOf != null && !Identifiers.isSyncName(linksOf)) {
            problems.add("writeback:source 'linksOf' must name a sync, not '" + linksOf + "'");
        }
        if (pair != null && !Identifiers.isSyncName(pair)) {
            problems.add("writeback:source 'pair' must name a sync, not '" + pair + "'");
        }
        if (pair != null && (mode == SyncMode.DELETE || mode == SyncMode.MIRROR)) {
            problems.add("writeback:source 'pair' works with modes upsert, insert and update, not " + mode.name().toLowerCase());
        }
        if (pair != null && linksOf != null) {
            problems.add("writeback:source 'pair' and 'linksOf' cannot go together: a paired sync keeps its own links");
        }
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            problems.add("writeback:source 'chunkSize' must be between 1 and " + MAX_CHUNK_SIZE + ", not " + chunkSize);
        }
    }

    /** The sync-wide settings a run carries to every stage. */
    public SyncSpec spec() {
        return new SyncSpec(key, cursor(), mode, chunkSize, errorPolicy, vanished(), archiveField, archiveValue, linksOf, pair);
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

    /** The sync whose link table this one reads and writes, when not its own (a delete sync cleaning up after an upsert sync). */
    public String linksOf() {
        return linksOf;
    }

    /** The sync that syncs the other way between the same two systems, or null: see docs/sync-semantics.md, Two-way syncs. */
    public String pair() {
        return pair;
    }

    public void setPair(String pair) {
        this.pair = pair;
    }

    public void setLinksOf(String linksOf) {
        this.linksOf = linksOf;
    }

    /** What mode mirror does to the target records of vanished rows. */
    public Vanished vanished() {
        return vanished == null ? Vanished.DELETE : vanished;
    }

    public void setVanished(Vanished vanished) {
        this.vanished = vanished;
    }

    public void setArchiveField(String archiveField) {
        this.archiveField = archiveField;
    }

    public void setArchiveValue(String archiveValue) {
        this.archiveValue = archiveValue;
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
