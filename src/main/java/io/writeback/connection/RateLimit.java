package io.writeback.connection;

import java.time.Duration;

/**
 * A destination's call budget: at most {@code requests} calls in any window of {@code per}, for all
 * syncs that use the connection together (for example 190 per 10 s).
 */
public record RateLimit(int requests, Duration per) {
}
