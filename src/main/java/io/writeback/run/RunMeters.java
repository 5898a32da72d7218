package io.writeback.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.writeback.kernel.RunTotals;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The metrics of ended runs, tagged by sync: runs by trigger and status, their duration, and the rows
 * they read and what became of them ({@code outcome}: inserted, updated, deleted, skipped, failed,
 * invalid, unknown, waiting).
 */
@Component
class RunMeters {

    private final MeterRegistry registry;

    RunMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void ended(RunView run) {
        Counter.builder("writeback.runs").description("runs that ended").tag("sync", run.sync()).tag("trigger", run.trigger())
                .tag("status", run.status()).register(registry).increment();
        if (run.durationMillis() != null) {
            Timer.builder("writeback.run.duration").description("how long runs took, queued to ended").tag("sync", run.sync())
                    .tag("status", run.status()).register(registry).record(Duration.ofMillis(run.durationMillis()));
        }
        RunTotals totals = run.counts();
        Counter.builder("writeback.rows.read").description("rows runs read").tag("sync", run.sync()).register(registry)
                .increment(totals.rowsRead());
        Map.of("inserted", totals.inserted(), "updated", totals.updated(), "deleted", totals.deleted(), "skipped",
                totals.skipped(), "failed", totals.failed(), "invalid", totals.invalid(), "unknown", totals.unknown(), "waiting",
                totals.waiting()).forEach((outcome, rows) -> Counter.builder("writeback.rows")
                        .description("rows by what became of them").tag("sync", run.sync()).tag("outcome", outcome)
                        .register(registry).increment(rows));
    }
}
