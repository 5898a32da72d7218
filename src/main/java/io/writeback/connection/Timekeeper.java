package io.writeback.connection;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The time connections go by: the clock they read (rate-limit windows, Retry-After dates, OAuth2
 * expiry, how long a record has been retried) and how a call waits (a window, a Retry-After, a backoff).
 * One instance serves every connection; tests put a controllable one in its place.
 */
public interface Timekeeper {

    /** The system clock, and waits that park the calling thread. */
    Timekeeper SYSTEM = new Timekeeper() {
        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public void waitFor(Duration duration) {
            LockSupport.parkNanos(duration.toNanos());
        }
    };

    Clock clock();

    void waitFor(Duration duration);
}
