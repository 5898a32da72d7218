package io.writeback.connection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The metrics of one connection's calls: every HTTP call by method and outcome (its status class, or
 * {@code error} when no answer came), the retries, and the waits a 429 imposed.
 */
final class CallMeters {

    private final MeterRegistry registry;
    private final String connection;

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

    void rateLimited(Duration wait) {
        Timer.builder("writeback.http.rate.limited").description("waits a 429 answer imposed").tag("connection", connection)
                .register(registry).record(wait);
    }
}
