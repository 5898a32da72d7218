package io.writeback.monitoring;

import io.writeback.run.Pauses;
import io.writeback.run.RunLedger;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code syncs} in the health endpoint: each sync's state, the worst that applies of {@code stopped}
 * (its route), {@code paused}, {@code failing} (its last runs failed, counted), {@code stale} (no
 * successful run within its threshold), {@code never-run} and {@code ok}. Always UP: a sync that
 * fails or that an operator paused or stopped is a fact to report, not a reason to restart the
 * service or take it out of a load balancer. Readiness and liveness do not include it.
 */
@Component("syncs")
class SyncsHealthIndicator implements HealthIndicator {

    private final SyncCatalog catalog;
    private final RunLedger ledger;
    private final Pauses pauses;
    private final CamelContext camel;
    private final HealthProperties properties;
    private final Clock clock;

    /** {@code clock}: the system's, unless the application has one of its own (tests do). */
    SyncsHealthIndicator(SyncCatalog catalog, RunLedger ledger, Pauses pauses, CamelContext camel,
            HealthProperties properties, ObjectProvider<Clock> clock) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.pauses = pauses;
        this.camel = camel;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public Health health() {
        Map<String, RunLedger.RunRecord> records = ledger.records();
        Map<String, Pauses.Pause> paused = pauses.all(Pauses.Kind.SYNC);
        Health.Builder health = Health.up();
        for (SyncDefinition sync : catalog.all()) {
            health.withDetail(sync.name(), state(sync.name(), records.get(sync.name()), paused.get(sync.name())));
        }
        return health.build();
    }

    private Map<String, Object> state(String sync, RunLedger.RunRecord record, Pauses.Pause pause) {
        Map<String, Object> state = new LinkedHashMap<>();
        Duration staleAfter = properties.staleAfter(sync);
        boolean stale = record != null && record.lastSuccess() != null
                && record.lastSuccess().toInstant().plus(staleAfter).isBefore(clock.instant());
        String name;
        if (camel.getRouteController().getRouteStatus(sync) != ServiceStatus.Started) {
            name = "stopped";
        } else if (pause != null) {
            name = "paused";
        } else if (record != null && record.failingRuns() > 0) {
            name = "failing";
        } else if (stale) {
            name = "stale";
        } else if (record == null || record.lastSuccess() == null) {
            name = "never-run";
        } else {
            name = "ok";
        }
        state.put("state", name);
        if (pause != null) {
            state.put("paused", pause);
        }
        if (record != null) {
            state.put("failingRuns", record.failingRuns());
            state.put("lastSuccess", record.lastSuccess());
        }
        state.put("staleAfter", staleAfter.toString());
        return state;
    }
}
