package io.writeback.support;

import io.writeback.connection.Timekeeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connections' time in tests: a clock that stands still but for the waits, which pass at once and are
 * recorded. What a rate limit or a Retry-After makes a connection do is then read from the waits, not
 * measured on a busy machine's wall clock.
 */
public final class ControlledTime extends Clock implements Timekeeper {

    private final AtomicReference<Instant> now;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    public ControlledTime(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Clock clock() {
        return this;
    }

    @Override
    public void waitFor(Duration duration) {
        waits.add(duration);
        now.accumulateAndGet(null, (current, ignored) -> current.plus(duration));
    }

    /** Every wait asked for since the last {@link #forgetWaits()}, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    public Duration waitedInAll() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    public void forgetWaits() {
        waits.clear();
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("connections read UTC instants");
    }
}
