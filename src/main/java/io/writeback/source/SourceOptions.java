package io.writeback.source;

import io.writeback.kernel.ErrorPolicy;
import io.writeback.kernel.Identifiers;
import io.writeback.kernel.ResourceText;
import io.writeback.kernel.StageOptions;
import io.writeback.kernel.SyncMode;
import io.writeback.kernel.SyncSpec;
import io.writeback.kernel.Vanished;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Parameters of {@code writeback:source}: the query a sync reads and how its rows are identified. */
@UriParams
public class SourceOptions implements StageOptions {

    /** The stage's name in a sync file: {@code writeback:source}. */
    public static final String STAGE = "source";

    static final int MAX_CHUNK_SIZE = 10_000;

    /**
     * SQL returning one row per destination record, kept as written (several lines, plus signs, % and &,
     * comments); or resource:file:PATH or resource:classpath:PATH to read it from a file
     */
    @UriParam(label = "source", secret = true)
    @Metadata(required = true)
    private String query;

    /** The column that identifies a row; its text form is the link table's source id */
    @UriParam(label = "source")
    @Metadata(required = true)
    private String key;

    /**
     * A high-watermark column (updated_at, _sdc_batched_at): the sync becomes incremental, reading from its bookmark
     * on
     */
    @UriParam(label = "source")
    private String cursor;

    /**
     * insert, update, upsert, delete (the records of the rows returned) or mirror (upsert, and delete or archive
     * what left the source)
     */
    @UriParam(label = "source", defaultValue = "upsert")
    private SyncMode mode = SyncMode.UPSERT;

    /** Rows per chunk: the unit of link-table reads and writes, of bulk calls and of memory (1 to 10,000) */
    @UriParam(label = "source", defaultValue = "500")
    private int chunkSize = 500;

    /** continue: a failed record is recorded and the run goes on; stop: the run ends at the first failed record */
    @UriParam(label = "source", defaultValue = "continue")
    private ErrorPolicy errorPolicy = ErrorPolicy.CONTINUE;

    /** Mode mirror: delete or archive the target records of rows that left the source */
    @UriParam(label = "source", defaultValue = "delete")
    private Vanished vanished;

    /** Mode mirror with vanished archive: the target field set to archiveValue to mark a record archived */
    @UriParam(label = "source")
    private String archiveField;

    /** The value archiveField is set to */
    @UriParam(label = "source", secret = true, defaultValue = "true")
    private String archiveValue = "true";

    /** Use the link table of another sync (a delete sync cleaning up what an upsert sync created) */
    @UriParam(label = "source")
    private String linksOf;

    /**
     * The sync that syncs the other way between the same two systems; each names the other, and what one direction
     * wrote is not sent back by the other
     */
    @UriParam(label = "source")
    private String pair;

    /**
     * SQL run on the warehouse before the query is read, in one transaction, so that the run reads fresh data (REFRESH
     * MATERIALIZED VIEW, CALL a procedure); a failure fails the run before anything is read
     */
    @UriParam(label = "source", secret = true)
    private String beforeSql;

    /**
     * An upstream job (under writeback.jobs) started and waited for before the query is read: a dbt or Airflow run
     * the sync's data comes from; its failure or timeout fails the run before anything is read
     */
    @UriParam(label = "source")
    private String beforeJob;

    /**
     * When the warehouse is Writeback's own database: let PostgreSQL keep back the rows unchanged since they were
     * sent, so that a run reads only new, changed, failed and waiting rows. Set false for a source whose key is not
     * unique, where every row must be read to find the repeats
     */
    @UriParam(label = "source", defaultValue = "true")
    private boolean diffInDatabase = true;

    private String sql;

    @Override
    public void check(List<String> problems) {
        if (query == null || query.isBlank()) {
            problems.add("writeback:source needs 'query': the SQL that returns the rows to sync");
        } else {
            try {
                sql();
            } catch (UncheckedIOException e) {
                problems.add("writeback:source query: " + e.getMessage());
            }
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
        if (beforeJob != null && !Identifiers.isSyncName(beforeJob)) {
            problems.add("writeback:source 'beforeJob' must name a job under writeback.jobs, not '" + beforeJob + "'");
        }
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            problems.add("writeback:source 'chunkSize' must be between 1 and " + MAX_CHUNK_SIZE + ", not " + chunkSize);
        }
    }

    /** The sync-wide settings a run carries to every stage. */
    public SyncSpec spec() {
        return new SyncSpec(key, getCursor(), mode, chunkSize, errorPolicy, getVanished(), archiveField, archiveValue, linksOf, pair);
    }

    /** The query without trailing semicolons, so that it can be wrapped in a subquery. */
    public String getQuery() {
        return query;
    }

    /**
     * The SQL to run: the query, or the text of the file it names, without trailing semicolons so that
     * it can be wrapped in a subquery. Read once, when the options are checked.
     */
    public String sql() {
        if (sql == null) {
            sql = readSql();
        }
        return sql;
    }

    private String readSql() {
        try {
            return ResourceText.of(query).strip().replaceAll(";+\\s*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException("the query " + query + " cannot be read: " + e.getMessage(), e);
        }
    }

    public String getKey() {
        return key;
    }

    public boolean incremental() {
        return cursor != null && !cursor.isBlank();
    }

    public String getCursor() {
        return incremental() ? cursor : null;
    }

    public SyncMode getMode() {
        return mode;
    }

    public int getChunkSize() {
        return chunkSize;
    }

    /** The sync whose link table this one reads and writes, when not its own (a delete sync cleaning up after an upsert sync). */
    public String getLinksOf() {
        return linksOf;
    }

    /** The sync that syncs the other way between the same two systems, or null: see docs/sync-semantics.md, Two-way syncs. */
    public String getPair() {
        return pair;
    }

    public void setPair(String pair) {
        this.pair = pair;
    }

    public void setLinksOf(String linksOf) {
        this.linksOf = linksOf;
    }

    /** What mode mirror does to the target records of vanished rows. */
    public Vanished getVanished() {
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

    public ErrorPolicy getErrorPolicy() {
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

    public String getArchiveField() {
        return archiveField;
    }

    public String getArchiveValue() {
        return archiveValue;
    }

    public String getBeforeSql() {
        return beforeSql == null || beforeSql.isBlank() ? null : beforeSql;
    }

    public boolean isDiffInDatabase() {
        return diffInDatabase;
    }

    public void setDiffInDatabase(boolean diffInDatabase) {
        this.diffInDatabase = diffInDatabase;
    }

    public void setBeforeSql(String beforeSql) {
        this.beforeSql = beforeSql;
    }

    public String getBeforeJob() {
        return beforeJob == null || beforeJob.isBlank() ? null : beforeJob;
    }

    public void setBeforeJob(String beforeJob) {
        this.beforeJob = beforeJob;
    }
}
