package io.writeback.run;

import io.writeback.kernel.RecordTrace;
import io.writeback.kernel.RunScope;
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
 * Runs a sync (or a group) now, outside its schedule: the sync's own route is fired through its consumer, so the
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
    private final Pauses pauses;

    public RunLauncher(CamelContext camel, SyncCatalog catalog, RunLedger ledger, ActiveRuns activeRuns, Pauses pauses) {
        this.pauses = pauses;
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
        Route route = startedRoute(sync);
        long runId = queueClaimed(sync, trigger);
        executor.submit(() -> fire(route, runId, scope, null));
        return runId;
    }

    /**
     * Runs {@code sync} over {@code scope} in this thread, reporting every record into {@code trace}. A
     * dry-run trace makes a preview, which sends and writes nothing and has no run id (null).
     */
    public Long runTraced(String sync, Trigger trigger, RunScope scope, RecordTrace trace) {
        Route route = startedRoute(sync);
        Long runId = trace.dryRun() ? null : queueClaimed(sync, trigger);
        Throwable failure = fire(route, runId, scope, trace);
        if (failure != null) {
            trace.failed(RunLifecycle.withoutCamelWrappers(failure).getMessage());
        }
        return runId;
    }

    /** Runs every row of {@code sync} in this thread, to its end; returns the run's id. */
    public long runNow(String sync, Trigger trigger) {
        Route route = startedRoute(sync);
        long runId = queueClaimed(sync, trigger);
        fire(route, runId, RunScope.ALL, null);
        return runId;
    }

    /**
     * Runs {@code group} now, in the background: its syncs one after the other, as its schedule would.
     * Refused while the group runs or is paused.
     */
    public void launchGroup(String group) {
        catalog.findGroup(group).orElseThrow(() -> new UnknownGroupException(group));
        Route route = started(group);
        refuseIfPaused(Pauses.Kind.GROUP, group);
        if (!activeRuns.claimGroup(group)) {
            throw new GroupRunningException(group);
        }
        try {
            executor.submit(() -> fireGroup(route));
        } catch (RuntimeException e) {
            activeRuns.releaseGroup(group);
            throw e;
        }
    }

    private void fireGroup(Route route) {
        Consumer consumer = route.getConsumer();
        Exchange exchange = consumer.createExchange(false);
        exchange.getMessage().setHeader(RunHeaders.GROUP_CLAIMED, true);
        try {
            consumer.getProcessor().process(exchange);
            if (exchange.getException() != null) {
                log.error("Group {}: its run failed: {}", route.getRouteId(), exchange.getException().getMessage());
            }
        } catch (Exception e) {
            log.error("Group {}: its run could not be carried out: {}", route.getRouteId(), e.getMessage());
        } finally {
            consumer.releaseExchange(exchange, false);
            // The group stage releases its claim; this covers a route that ended before reaching it.
            activeRuns.releaseGroup(route.getRouteId());
        }
    }

    private void refuseIfPaused(Pauses.Kind kind, String name) {
        pauses.of(kind, name).ifPresent(pause -> {
            throw new PausedException(kind, name, pause);
        });
    }

    private Route startedRoute(String sync) {
        catalog.find(sync).orElseThrow(() -> new UnknownSyncException(sync));
        return started(sync);
    }

    private Route started(String routeId) {
        Route route = camel.getRoute(routeId);
        if (route == null || camel.getRouteController().getRouteStatus(routeId) != ServiceStatus.Started) {
            throw new SyncNotStartedException(routeId);
        }
        return route;
    }

    /**
     * Queues a run and claims the sync for it, or refuses when the sync is paused or a run of it (or of its pair) is
     * going on any node. The run is queued first, so that a claim always names its run: a refused one is forgotten.
     */
    private long queueClaimed(String sync, Trigger trigger) {
        refuseIfPaused(Pauses.Kind.SYNC, sync);
        String pair = catalog.find(sync).map(definition -> definition.source().getPair()).orElse(null);
        long runId = ledger.queue(sync, trigger);
        if (!activeRuns.claim(sync, pair, runId)) {
            ledger.forget(runId);
            throw new RunInProgressException(sync, activeRuns.blocking(sync, pair));
        }
        return runId;
    }

    /** Sends one exchange through the sync's route, as its trigger would; returns how it failed, or null. */
    private Throwable fire(Route route, Long runId, RunScope scope, RecordTrace trace) {
        Consumer consumer = route.getConsumer();
        Exchange exchange = consumer.createExchange(false);
        exchange.getMessage().setHeader(RunHeaders.RUN_ID, runId);
        exchange.getMessage().setHeader(RunHeaders.SCOPE, scope);
        exchange.getMessage().setHeader(RunHeaders.TRACE, trace);
        try {
            consumer.getProcessor().process(exchange);
            return exchange.getException();
        } catch (Exception e) {
            log.error("Sync {}: run {} could not be carried out: {}", route.getRouteId(), runId, e.getMessage());
            return e;
        } finally {
            consumer.releaseExchange(exchange, false);
            if (runId != null && activeRuns.active(route.getRouteId()).orElse(0L).equals(runId)) {
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
