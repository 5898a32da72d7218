package io.writeback.run;

import io.writeback.component.PayloadRecipes;
import io.writeback.deadletter.DeadLetters;
import io.writeback.kernel.RecordTrace;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.RunScope;
import io.writeback.kernel.RunStarter;
import io.writeback.kernel.RunTotals;
import io.writeback.kernel.SyncSpec;
import io.writeback.link.LinkIntents;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Begins a run when a sync's exchange reaches its source and ends it when the exchange completes:
 * counts and status recorded, the bookmark advanced when every row read is settled, resources closed.
 */
@Component
public class RunLifecycle implements RunStarter {

    private static final Logger log = LoggerFactory.getLogger(RunLifecycle.class);
    /** The logging context of a run's lines: the sync, and the run's id. */
    static final String MDC_SYNC = "sync";
    static final String MDC_RUN = "run";

    private final RunLedger ledger;
    private final ActiveRuns activeRuns;
    private final DeadLetters deadLetters;
    private final LinkIntents intents;
    private final Pauses pauses;
    private final RunMeters meters;
    private final ApplicationEventPublisher events;
    private final Schedules schedules;

    RunLifecycle(RunLedger ledger, ActiveRuns activeRuns, DeadLetters deadLetters, LinkIntents intents, Pauses pauses,
            RunMeters meters, ApplicationEventPublisher events, Schedules schedules) {
        this.events = events;
        this.schedules = schedules;
        this.pauses = pauses;
        this.meters = meters;
        this.ledger = ledger;
        this.intents = intents;
        this.activeRuns = activeRuns;
        this.deadLetters = deadLetters;
    }

    /**
     * Starts the run the exchange asks for (a queued run with its scope, or a scheduled one), or
     * returns empty when another run of the sync is still going, or, for a scheduled run, when the sync is paused.
     */
    @Override
    public Optional<RunContext> begin(Exchange exchange, SyncSpec spec) {
        String sync = exchange.getFromRouteId();
        RunScope scope = exchange.getMessage().getHeader(RunHeaders.SCOPE, RunScope.ALL, RunScope.class);
        RecordTrace trace = exchange.getMessage().getHeader(RunHeaders.TRACE, RecordTrace.class);
        if (trace != null && trace.dryRun()) {
            RunContext preview = RunContext.dryRun(sync, spec, scope, trace);
            start(exchange, preview, failure -> preview.closeResources());
            return Optional.of(preview);
        }
        Long queued = exchange.getMessage().getHeader(RunHeaders.RUN_ID, Long.class);
        if (queued == null && schedules.suppressed(exchange)) {
            log.debug("Sync {}: its trigger fired, but schedules are off", sync);
            return Optional.empty();
        }
        if (queued == null) {
            Optional<Pauses.Pause> pause = pauses.of(Pauses.Kind.SYNC, sync);
            if (pause.isPresent()) {
                log.info("Sync {}: a scheduled run was skipped: the sync is paused {}", sync, pause.get().describe());
                return Optional.empty();
            }
        }
        // A queued run was claimed under its id by the launcher; a scheduled one claims the sync now.
        OptionalLong claim = queued != null
                ? (activeRuns.claim(sync, queued) ? OptionalLong.of(queued) : OptionalLong.empty())
                : activeRuns.claimAhead(sync, spec.pair());
        if (claim.isEmpty()) {
            ActiveRuns.Claim busy = activeRuns.blocking(sync, spec.pair());
            log.warn("Sync {}: a scheduled run was skipped because run {} of {} is still going on node {}", sync,
                    busy.runId(), busy.sync(), busy.node());
            return Optional.empty();
        }
        long claimId = claim.getAsLong();
        RunContext run;
        try {
            run = ledger.start(queued, sync, Trigger.SCHEDULE, spec, scope, trace, queued == null ? schedules.slot(exchange) : null);
        } catch (RuntimeException e) {
            activeRuns.release(sync, claimId);
            throw e;
        }
        activeRuns.transfer(sync, claimId, run.runId());
        int reclaimed = intents.reclaimIntents(run.linkSync());
        if (reclaimed > 0) {
            log.warn("Sync {}: {} insert(s) of an earlier run were sent without their outcome being recorded; "
                    + "run {} recovers them", sync, reclaimed, run.runId());
        }
        RunContext started = run;
        MDC.put(MDC_SYNC, sync);
        MDC.put(MDC_RUN, Long.toString(run.runId()));
        start(exchange, run, failure -> end(started, failure));
        log.info("Sync {}: run {} started", sync, run.runId());
        return Optional.of(run);
    }

    private static void start(Exchange exchange, RunContext run, Consumer<Throwable> onEnd) {
        run.useRecipe(PayloadRecipes.of(exchange.getContext(), run.sync()));
        exchange.setProperty(RunContext.EXCHANGE_PROPERTY, run);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                onEnd.accept(done.getException());
            }
        });
    }

    private void end(RunContext run, Throwable exchangeFailure) {
        Throwable failure = withoutCamelWrappers(exchangeFailure);
        try {
            try {
                run.settling().awaitSettled();
            } catch (RuntimeException settlingFailure) {
                failure = failure == null ? settlingFailure : failure;
            }
            run.closeResources();
            deadLetters.settle(run.sync(), run.linkSync(), run.runId());
            RunStatus status = ledger.finish(run, failure);
            ledger.find(run.runId()).ifPresent(ended -> {
                meters.ended(ended);
                events.publishEvent(new RunEnded(ended));
            });
            RunTotals totals = run.counts().totals();
            if (failure == null) {
                log.info("Sync {}: run {} {} in {} ms: {}", run.sync(), run.runId(), status.dbValue(),
                        run.elapsed().toMillis(), totals.summary());
            } else {
                log.error("Sync {}: run {} failed after {} ms ({}): {}", run.sync(), run.runId(),
                        run.elapsed().toMillis(), totals.summary(), failure.getMessage());
            }
        } finally {
            activeRuns.release(run.sync(), run.runId());
            MDC.remove(MDC_SYNC);
            MDC.remove(MDC_RUN);
        }
    }

    /** The failure as Writeback raised it: a split wraps it in "Multicast processing failed for number 0...". */
    static Throwable withoutCamelWrappers(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CamelExchangeException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
