package io.writeback.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refreshes PostgreSQL's statistics of the link table after a run that inserted many records. The next run
 * joins that table with its query: planned on the statistics of a table that was small or empty, the join
 * runs on one core with a hash table sized for a few thousand links, and a sync's links are sorted rather
 * than read in their index's order. Autovacuum refreshes them too, but not before its next round.
 */
@Component
class LinkStatisticsRefresh implements DisposableBean {

    /** Inserts in one run from which the link table's statistics are refreshed. */
    static final long INSERTS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(LinkStatisticsRefresh.class);

    private final JdbcTemplate jdbc;
    /** Off the run's thread, which still holds the sync's claim: a caller told the run ended may start the next. */
    private final ExecutorService refreshing = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "writeback-link-statistics");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean due = new AtomicBoolean();

    LinkStatisticsRefresh(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onRunEnded(RunEnded ended) {
        if (ended.run().counts() == null || ended.run().counts().inserted() < INSERTS || !due.compareAndSet(false, true)) {
            return;
        }
        refreshing.execute(() -> {
            due.set(false);
            try {
                jdbc.execute("ANALYZE writeback.links");
            } catch (RuntimeException e) {
                // Only plans suffer from older statistics; the run itself is over and recorded.
                log.warn("The link table's statistics could not be refreshed after run {}: {}", ended.run().id(), e.getMessage());
            }
        });
    }

    @Override
    public void destroy() {
        refreshing.shutdownNow();
    }
}
