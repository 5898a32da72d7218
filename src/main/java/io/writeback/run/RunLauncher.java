package io.writeback.run;

import io.writeback.sync.SyncCatalog;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs a sync now, outside its schedule: the sync's own route is fired through its consumer, so the
 * run goes through exactly the steps a scheduled run takes.
 */
@Component
public class RunLauncher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final CamelContext camel;
    private final SyncCatalog catalog;
    private final RunLedger ledger;
    private final ActiveRuns activeRuns;
    private final ExecutorService executor;

    public RunLauncher(CamelContext camel, SyncCatalog catalog, RunLedger ledger, ActiveRuns activeRuns) {
        this.camel = camel;
        this.catalog = catalog;
        this.ledger = ledger;
        this.activeRuns = activeRuns;
        this.executor = camel.getExecutorServiceManager().newCachedThreadPool(this, "writeback-run");
    }

    /** Queues a run of every row of {@code sync} and returns its id at once; the run goes on in the background. */
    public long launch(String sync) {
        return launch(sync, Trigger.API, RunScope.ALL);
    }

    /** Queues a run of {@code sync} over {@code scope} and returns its id at once; the run goes on in the background. */
    public long launch(String sync, Trigger trigger, RunScope scope) {
        catalog.find(sync).orElseThrow(() -> new UnknownSyncException(sync));
        Route route = camel.getRoute(sync);
        if (route == null || camel.getRouteController().getRouteStatus(sync) != ServiceStatus.Started) {
            throw new SyncNotStartedException(sync);
        }
        long claim = -System.nanoTime();
        if (!activeRuns.claim(sync, claim)) {
            throw new RunInProgressException(sync, activeRuns.active(sync).orElse(0L));
        }
        long runId;
        try {
            runId = ledger.queue(sync, trigger);
        } finally {
            activeRuns.release(sync, claim);
        }
        if (!activeRuns.claim(sync, runId)) {
            ledger.abandon(runId, "another run started at the same moment");
            throw new RunInProgressException(sync, activeRuns.active(sync).orElse(0L));
        }
        executor.submit(() -> fire(route, runId, scope));
        return runId;
    }

    private void fire(Route route, long runId, RunScope scope) {
        Consumer consumer = route.getConsumer();
        Exchange exchange = consumer.createExchange(false);
        exchange.getMessage().setHeader(RunHeaders.RUN_ID, runId);
        exchange.getMessage().setHeader(RunHeaders.SCOPE, scope);
        try {
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            log.error("Sync {}: run {} could not be carried out: {}", route.getRouteId(), runId, e.getMessage());
        } finally {
            consumer.releaseExchange(exchange, false);
            if (activeRuns.active(route.getRouteId()).orElse(0L) == runId) {
                // The route ended before writeback:source began the run.
                activeRuns.release(route.getRouteId(), runId);
                ledger.abandon(runId, "the route ended before writeback:source began the run");
            }
        }
    }

    @Override
    public void destroy() {
        camel.getExecutorServiceManager().shutdown(executor);
    }
}
