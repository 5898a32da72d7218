package io.writeback.qa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.writeback.connection.Connections;
import io.writeback.kernel.RecordTrace;
import io.writeback.kernel.RunScope;
import io.writeback.kernel.SyncMode;
import io.writeback.link.LinkStore;
import io.writeback.run.RunLauncher;
import io.writeback.run.Trigger;
import io.writeback.run.UnknownSyncException;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * QA checks of syncs, each in the background: every source row (or the first ones) made into its payload by a dry
 * run, and compared, through the link table, with the record the target holds ({@link QaCheck}). A check's
 * progress is readable while it runs; its report is kept when it ends. One check per sync at a time.
 */
@Service
public class QaChecks implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QaChecks.class);

    /** What to check: the first {@code sample} rows of the query (null: all), leaving the {@code ignore} fields aside. */
    public record QaRequest(Integer sample, List<String> ignore) {
    }

    /** A check: who asked, when it ran, its state, and what it found so far or in the end. */
    public record QaReport(long id, String sync, String status, String requestedBy, Integer sample, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, QaResults results, String error) {
    }

    private final SyncCatalog catalog;
    private final Connections connections;
    private final LinkStore links;
    private final RunLauncher launcher;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<Long, QaCheck> running = new ConcurrentHashMap<>();
    private final Set<String> syncsChecked = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "writeback-qa");
        thread.setDaemon(true);
        return thread;
    });
    private final RowMapper<QaReport> report = (rs, row) -> new QaReport(rs.getLong("id"), rs.getString("sync"),
            rs.getString("status"), rs.getString("requested_by"), rs.getObject("sample", Integer.class),
            rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
            results(rs.getLong("id"), rs.getString("results")), rs.getString("error"));

    QaChecks(SyncCatalog catalog, Connections connections, LinkStore links, RunLauncher launcher, JdbcTemplate jdbc,
            ObjectMapper json, ObjectProvider<Clock> clock) {
        this.catalog = catalog;
        this.connections = connections;
        this.links = links;
        this.launcher = launcher;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Checks left running by a Writeback that stopped will not end. */
    @Override
    public void afterPropertiesSet() {
        jdbc.update("UPDATE writeback.qa_checks SET status = 'interrupted', error = 'Writeback stopped during the check' "
                + "WHERE status = 'running'");
    }

    /**
     * Starts a check of {@code sync} in the background and answers its id.
     *
     * @throws UnknownSyncException      for no such sync
     * @throws IllegalArgumentException  for a sync that has nothing to compare (mode delete) or a wrong request
     * @throws QaRunningException        while a check of the sync runs
     */
    public long start(String sync, QaRequest request, String by) {
        SyncDefinition definition = comparable(catalog, sync);
        if (request.sample() != null && request.sample() < 1) {
            throw new IllegalArgumentException("'sample' is a number of rows of at least 1, or left out for all rows");
        }
        if (!syncsChecked.add(sync)) {
            throw new QaRunningException(sync);
        }
        try {
            TargetRecords target = new TargetRecords(connections.get(definition.deliver().getConnection()),
                    definition.deliver().getObject(), json);
            Set<String> notCompared = new HashSet<>(request.ignore() == null ? List.of() : request.ignore());
            notCompared.addAll(target.endpoints().associations().keySet());
            String linkSync = Optional.ofNullable(definition.source().getLinksOf()).orElse(sync);
            QaCheck check = new QaCheck(links, linkSync, target, json, notCompared);
            long id = jdbc.queryForObject("""
                    INSERT INTO writeback.qa_checks (sync, status, requested_by, sample, started_at)
                    VALUES (?, 'running', ?, ?, ?) RETURNING id""", Long.class, sync, by, request.sample(),
                    clock.instant().atOffset(ZoneOffset.UTC));
            running.put(id, check);
            threads.execute(() -> carryOut(id, sync, request.sample(), check));
            return id;
        } catch (RuntimeException e) {
            syncsChecked.remove(sync);
            throw e;
        }
    }

    /**
     * The sync, when it has records to compare: any but a delete sync.
     *
     * @throws UnknownSyncException     for no such sync
     * @throws IllegalArgumentException for a delete sync
     */
    static SyncDefinition comparable(SyncCatalog catalog, String sync) {
        SyncDefinition definition = catalog.find(sync).orElseThrow(() -> new UnknownSyncException(sync));
        if (definition.source().getMode() == SyncMode.DELETE) {
            throw new IllegalArgumentException("sync '" + sync + "' deletes records: there is nothing of its to compare");
        }
        return definition;
    }

    public Optional<QaReport> find(long id) {
        return jdbc.query("SELECT * FROM writeback.qa_checks WHERE id = ?", report, id).stream().findFirst();
    }

    /** The sync's checks, newest first. */
    public List<QaReport> of(String sync, int limit) {
        return jdbc.query("SELECT * FROM writeback.qa_checks WHERE sync = ? ORDER BY id DESC LIMIT ?", report, sync, limit);
    }

    private void carryOut(long id, String sync, Integer sample, QaCheck check) {
        String status = "done";
        String error = null;
        try {
            RecordTrace trace = RecordTrace.dryRunInto(check::add);
            launcher.runTraced(sync, Trigger.API, RunScope.everyRow(sample), trace);
            trace.findings().stream().filter(finding -> !finding.equals(trace.failure())).forEach(check::finding);
            if (trace.failure() != null) {
                throw new IllegalStateException(trace.failure());
            }
            check.finish();
        } catch (RuntimeException e) {
            status = "failed";
            error = e.getMessage();
            log.warn("QA check {} of {} failed: {}", id, sync, error);
        } finally {
            jdbc.update("UPDATE writeback.qa_checks SET status = ?, finished_at = ?, results = ?::jsonb, error = ? WHERE id = ?",
                    status, clock.instant().atOffset(ZoneOffset.UTC), text(check.results()), error, id);
            running.remove(id);
            syncsChecked.remove(sync);
        }
    }

    /** The results so far of a running check, else those kept. */
    private QaResults results(long id, String kept) {
        QaCheck check = running.get(id);
        if (check != null) {
            return check.results();
        }
        try {
            return kept == null ? null : json.readValue(kept, QaResults.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the results of QA check " + id + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private String text(QaResults results) {
        try {
            return json.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("QA results cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
