package io.writeback.connection;

import io.writeback.kernel.ClusterSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Decides when a connection's next call may go: never more calls in a window than its rate limit
 * allows (a sliding window over the times of the last calls, with a small margin), and none before a
 * {@code Retry-After} the destination asked for. Shared by every sync that uses the connection; the limit
 * is the destination's, so each of the cluster's live nodes takes an equal share of it (at least one call).
 * A caller that must wait parks its own thread; it holds no pooled connection meanwhile.
 */
final class ConnectionGate {

    private static final Duration MIN_MARGIN = Duration.ofMillis(50);

    private final RateLimit limit;
    private final Timekeeper time;
    private final ClusterSize cluster;
    private final ArrayDeque<Instant> recentCalls = new ArrayDeque<>();
    private Instant pausedUntil = Instant.MIN;

    ConnectionGate(RateLimit limit, Timekeeper time, ClusterSize cluster) {
        this.limit = limit;
        this.time = time;
        this.cluster = cluster;
    }

    /** This node's share of the calls the limit allows in a window. */
    private int share() {
        int nodes = cluster.liveNodes();
        return Math.max(1, limit.requests() / nodes);
    }

    /** Waits until a call may go, and counts it as gone. */
    void acquire() {
        while (true) {
            Duration wait = reserveOrWait();
            if (wait.isZero()) {
                return;
            }
            time.waitFor(wait);
        }
    }

    /** "12 of 100 calls in the last PT10S", and a pause a 429 asked for, as it stands now. */
    synchronized String state() {
        Instant now = time.clock().instant();
        String paused = now.isBefore(pausedUntil) ? "paused until " + pausedUntil + " (Retry-After)" : "";
        if (limit == null) {
            return paused.isEmpty() ? "no rate limit" : paused;
        }
        Instant windowStart = now.minus(limit.per());
        long recent = recentCalls.stream().filter(call -> call.isAfter(windowStart)).count();
        int nodes = cluster.liveNodes();
        return recent + " of " + share() + " calls in the last " + limit.per()
                + (nodes > 1 ? " (this node's share of " + limit.requests() + ", with " + nodes + " nodes)" : "")
                + (paused.isEmpty() ? "" : "; " + paused);
    }

    /** No call to the connection before {@code until}: the destination said so (429 Retry-After). */
    synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /**
     * The destination counts calls by when they arrive, which can be tens of milliseconds off from when
     * they were sent on a busy machine (35 ms seen here): the window is widened by 2%, at least 50 ms,
     * so that it never sees one call too many.
     */
    private Duration margin() {
        Duration twoPercent = limit.per().dividedBy(50);
        return twoPercent.compareTo(MIN_MARGIN) < 0 ? MIN_MARGIN : twoPercent;
    }

    private synchronized Duration reserveOrWait() {
        Instant now = time.clock().instant();
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        if (limit != null) {
            Instant windowStart = now.minus(limit.per()).minus(margin());
            while (!recentCalls.isEmpty() && !recentCalls.peekFirst().isAfter(windowStart)) {
                recentCalls.pollFirst();
            }
            if (recentCalls.size() >= share()) {
                Duration wait = Duration.between(windowStart, recentCalls.peekFirst());
                return wait.isZero() ? Duration.ofNanos(1) : wait;
            }
            recentCalls.addLast(now);
        }
        return Duration.ZERO;
    }
}
