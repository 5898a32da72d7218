package io.writeback.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.writeback.run.Pauses;
import io.writeback.run.RunLedger;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each sync's state, the worst that applies of {@code stopped} (its route), {@code paused},
 * {@code failing} (its last runs failed, counted), {@code stale} (no successful run within its
 * threshold), {@code never-run} and {@code ok}: what the health endpoint and JMX report.
 */
@Component
public class SyncHealth {

    /** One sync's state, with what it rests on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SyncState(String state, Pauses.Pause paused, Long failingRuns, OffsetDateTime lastSuccess, String staleAfter) {
    }

    private final SyncCatalog catalog;
    private final RunLedger ledger;
    private final Pauses pauses;
    private final CamelContext camel;
    private final HealthProperties properties;
    private final Clock clock;

    /** {@code clock}: the system's, unless the application has one of its own (tests do). */
    SyncHealth(SyncCatalog catalog, RunLedger ledger, Pauses pauses, CamelContext camel, HealthProperties properties,
            ObjectProvider<Clock> clock) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.pauses = pauses;
        this.camel = camel;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Every sync's state, by name, in the catalog's order. */
    public Map<String, SyncState> all() {
        Map<String, RunLedger.RunRecord> records = ledger.records();
        Map<String, Pauses.Pause> paused = pauses.all(Pauses.Kind.SYNC);
        Map<String, SyncState> states = new LinkedHashMap<>();
        for (SyncDefinition sync : catalog.all()) {
            states.put(sync.name(), state(sync.name(), records.get(sync.name()), paused.get(sync.name())));
        }
        return states;
    }

    public SyncState of(String sync) {
        return all().get(sync);
    }

    private SyncState state(String sync, RunLedger.RunRecord record, Pauses.Pause pause) {
        Duration staleAfter = properties.staleAfter(sync);
        OffsetDateTime lastSuccess = record == null ? null : record.lastSuccess();
        String name;
        if (camel.getRouteController().getRouteStatus(sync) != ServiceStatus.Started) {
            name = "stopped";
        } else if (pause != null) {
            name = "paused";
        } else if (record != null && record.failingRuns() > 0) {
            name = "failing";
        } else if (lastSuccess != null && lastSuccess.toInstant().plus(staleAfter).isBefore(clock.instant())) {
            name = "stale";
        } else if (lastSuccess == null) {
            name = "never-run";
        } else {
            name = "ok";
        }
        return new SyncState(name, pause, record == null ? null : record.failingRuns(), lastSuccess, staleAfter.toString());
    }
}
