package io.writeback.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * One run of one sync, shared by all of its stages through the exchange property
 * {@link #EXCHANGE_PROPERTY}.
 */
public final class RunContext {

    public static final String EXCHANGE_PROPERTY = "writebackRun";

    private final String sync;
    private final long runId;
    private final SyncSpec spec;
    private final RunScope scope;
    private final RecordTrace trace;
    private final Instant startedAt = Instant.now();
    private final RunCounts counts = new RunCounts();
    private final ChunkSettling settling = new ChunkSettling();
    private volatile String settledCursorValue;
    private volatile Long estimatedRows;
    private volatile String before;
    private volatile String mappingFingerprint = "";
    private volatile PayloadRecipe recipe = PayloadRecipe.UNKNOWN;
    private volatile boolean unchangedKeptBack;
    private volatile boolean unchangedByLinks;
    private volatile Instant lastProgressAt = startedAt;
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

    public RunContext(String sync, long runId, SyncSpec spec, RunScope scope, RecordTrace trace) {
        this.sync = sync;
        this.runId = runId;
        this.spec = spec;
        this.scope = scope;
        this.trace = trace;
    }

    /** A dry run, which sends nothing and writes nothing (a preview); its id is -1. */
    public static RunContext dryRun(String sync, SyncSpec spec, RunScope scope, RecordTrace trace) {
        return new RunContext(sync, -1, spec, scope, trace);
    }

    /** The trace that wants every record's fate, or null. */
    public RecordTrace trace() {
        return trace;
    }

    public boolean dryRun() {
        return trace != null && trace.dryRun();
    }

    public String sync() {
        return sync;
    }

    public long runId() {
        return runId;
    }

    /** The sync whose link table this run uses: its own, or the one named by {@code linksOf}. */
    public String linkSync() {
        return spec.linkSync(sync);
    }

    public SyncSpec spec() {
        return spec;
    }

    public RunCounts counts() {
        return counts;
    }

    public ChunkSettling settling() {
        return settling;
    }

    public Duration elapsed() {
        return Duration.between(startedAt, Instant.now());
    }

    public RunScope scope() {
        return scope;
    }

    /**
     * The highest cursor value up to which every row read is settled: sent, skipped, or recorded as
     * failed (a failed row is retried through its link, whatever the bookmark). Null when none is.
     */
    public String settledCursorValue() {
        return settledCursorValue;
    }

    /** What ran before the query was read (a refresh, an upstream job), in a sentence; null when nothing did. */
    public String before() {
        return before;
    }

    public void noteBefore(String what) {
        this.before = what;
    }

    /** The planner's estimate of the rows the run's query returns; null when there is none. */
    public Long estimatedRows() {
        return estimatedRows;
    }

    public void estimateRows(Long rows) {
        this.estimatedRows = rows;
    }

    /** Rows arrive in cursor order, so the last settled row's cursor value is the highest. */
    public void settledUpTo(String cursorValue) {
        if (cursorValue != null) {
            settledCursorValue = cursorValue;
        }
    }

    public String mappingFingerprint() {
        return mappingFingerprint;
    }

    public void useMapping(String fingerprint) {
        this.mappingFingerprint = fingerprint;
    }

    /** What the sync's payloads are made of, as its route declares it. */
    public PayloadRecipe recipe() {
        return recipe;
    }

    public void useRecipe(PayloadRecipe recipe) {
        this.recipe = recipe;
    }

    /**
     * Whether the database keeps back the rows that are unchanged since they were sent: the run reads
     * only the others, and its mode mirror finds vanished rows in the database too.
     */
    public boolean unchangedKeptBack() {
        return unchangedKeptBack;
    }

    public void keepUnchangedBack() {
        this.unchangedKeptBack = true;
    }

    /**
     * Whether a row read is decided unchanged by its link alone ({@link Link#unchangedAt}), before it is mapped:
     * the warehouse is not Writeback's database, so the rows are read, but not mapped and hashed again.
     */
    public boolean unchangedByLinks() {
        return unchangedByLinks;
    }

    public void decideUnchangedByLinks() {
        this.unchangedByLinks = true;
    }

    /** True at most once per {@code interval}: when a progress line is due. */
    public boolean progressDue(Duration interval) {
        Instant now = Instant.now();
        if (Duration.between(lastProgressAt, now).compareTo(interval) < 0) {
            return false;
        }
        lastProgressAt = now;
        return true;
    }

    /** Ties {@code resource} to the run: it is closed when the run ends, however it ends. */
    public void attach(AutoCloseable resource) {
        resources.add(resource);
    }

    /** Called once by whatever ends the run. */
    public void closeResources() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(RunContext.class).warn("{}: closing {} failed: {}", this, resource, e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "run " + runId + " of sync " + sync;
    }
}
