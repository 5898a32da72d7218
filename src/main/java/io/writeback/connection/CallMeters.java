package io.writeback.connection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics of one connection's calls: every HTTP call by method and outcome (its status class, or
 * {@code error} when no answer came), the retries, the waits a 429 imposed, and the share of its API quota
 * a destination reports used.
 */
final class CallMeters {

    private final MeterRegistry registry;
    private final String connection;
    private final AtomicReference<Double> quotaShare = new AtomicReference<>(0.0);
    private static final Pattern USED_OF_LIMIT = Pattern.compile("(\\d+)/(\\d+)");

    CallMeters(MeterRegistry registry, String connection) {
        this.registry = registry;
        this.connection = connection;
    }

    void called(String method, int status) {
        Counter.builder("writeback.http.calls").description("HTTP calls to destinations, retries included")
                .tag("connection", connection).tag("method", method).tag("outcome", status == 0 ? "error" : status / 100 + "xx")
                .register(registry).increment();
    }

    void retried() {
        Counter.builder("writeback.http.retries").description("calls sent again after a failure").tag("connection", connection)
                .register(registry).increment();
    }

    /**
     * The share of its quota the destination says is used, from the usage header's first {@code used/limit}
     * ({@code api-usage=25/15000}): a gauge that alerts and dashboards can watch.
     */
    void quotaUsed(String usage) {
        Matcher used = USED_OF_LIMIT.matcher(usage);
        if (used.find() && Long.parseLong(used.group(2)) > 0) {
            quotaShare.set(Double.parseDouble(used.group(1)) / Double.parseDouble(used.group(2)));
            Gauge.builder("writeback.http.quota.used", quotaShare, AtomicReference::get)
                    .description("share of the destination's API quota used, as its answers last said").tag("connection", connection)
                    .register(registry);
        }
    }

    void rateLimited(Duration wait) {
        Timer.builder("writeback.http.rate.limited").description("waits a 429 answer imposed").tag("connection", connection)
                .register(registry).record(wait);
    }
}
