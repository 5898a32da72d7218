package io.writeback.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gauges of every sync's state, tagged by sync: dead letters pending, records pending (an unknown
 * outcome), waiting for a parent or failed, seconds since the last successful run ended (freshness),
 * and, for a cursor that is a time, how far the bookmark is behind now. NaN where there is no value.
 */
@Component
class SyncMeters implements MeterBinder {

    private final SyncCatalog catalog;
    private final SyncStates states;
    private final Clock clock;

    SyncMeters(SyncCatalog catalog, SyncStates states, ObjectProvider<Clock> clock) {
        this.catalog = catalog;
        this.states = states;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (SyncDefinition sync : catalog.all()) {
            String name = sync.name();
            String links = sync.source().spec().linkSync(name);
            Gauge.builder("writeback.dead.letters.pending", () -> states.of(name).deadLettersPending())
                    .description("failed records whose dead letter waits for a replay or a later run").tag("sync", name)
                    .register(registry);
            for (String status : List.of("pending", "waiting", "error")) {
                Gauge.builder("writeback.records", () -> states.of(links).linksByStatus().getOrDefault(status, 0L))
                        .description("records by link status: pending (outcome unknown), waiting (for a parent), error")
                        .tag("sync", name).tag("status", status).register(registry);
            }
            Gauge.builder("writeback.last.success.age", () -> secondsSince(states.of(name).lastSuccess()))
                    .description("seconds since the sync's last successful run ended").baseUnit("seconds").tag("sync", name)
                    .register(registry);
            Gauge.builder("writeback.bookmark.lag", () -> secondsSince(asTime(states.of(name).bookmark())))
                    .description("seconds between now and the bookmark, for a cursor that is a time").baseUnit("seconds")
                    .tag("sync", name).register(registry);
        }
    }

    private double secondsSince(OffsetDateTime time) {
        return time == null ? Double.NaN : Duration.between(time.toInstant(), clock.instant()).toMillis() / 1000.0;
    }

    /** A bookmark as PostgreSQL writes a timestamp ({@code 2026-01-01 10:00:00.000004+00}); null for any other cursor. */
    static OffsetDateTime asTime(String bookmark) {
        if (bookmark == null) {
            return null;
        }
        String iso = bookmark.strip().replace(' ', 'T');
        if (iso.matches(".*[+-]\\d\\d$")) {
            iso = iso + ":00";
        }
        try {
            return OffsetDateTime.parse(iso);
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notATime) {
                return null;
            }
        }
    }
}
