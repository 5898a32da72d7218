package io.writeback.connection;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a connection retries a call that failed for a reason that may pass: 5xx, 408, a reset or
 * timed-out connection. The waits grow exponentially with full jitter, bounded by attempts and by the
 * total time spent on one call.
 *
 * @param maxAttempts    calls made at most for one request, the first included (default 4)
 * @param initialBackoff the wait before the first retry, on average half of it with jitter (default 500 ms)
 * @param maxBackoff     the longest wait between two attempts (default 30 s)
 * @param maxElapsed     the longest time spent on one request, waits included (default 2 min)
 */
public record RetryPolicy(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {

    public RetryPolicy {
        maxAttempts = maxAttempts == null ? 4 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        maxElapsed = maxElapsed == null ? Duration.ofMinutes(2) : maxElapsed;
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(null, null, null, null);
    }

    /** The wait before attempt {@code attempt + 1}: a random time up to the exponential backoff. */
    Duration backoff(int attempt) {
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() * (1L << Math.min(attempt - 1, 30)));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** Whether an answer with this status may succeed if sent again. */
    static boolean retryableStatus(int status) {
        return status == 408 || status >= 500;
    }
}
