package io.writeback.connection;

import io.writeback.kernel.ClusterSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides when a connection's next call may go: never more calls in a window than its rate limit
 * allows, and none before a {@code Retry-After} the destination asked for. A call counts from when it may
 * go until a window (with a small margin) after its answer came: the destination saw it at some moment in
 * between, so that however long a call waits for its turn or its answer, no window at the destination
 * holds more calls than the limit. Shared by every sync that uses the connection; the limit
 * is the destination's, so each of the cluster's live nodes takes an equal share of it (at least one call).
 * A caller that must wait parks its own thread; it holds no pooled connection meanwhile.
 */
final class ConnectionGate {

    private static final Duration MIN_MARGIN = Duration.ofMillis(50);

    /** A call counted against the limit: in flight until {@link #answered}, then for a window after its answer. */
    static final class Call {
        private Instant answeredAt;
    }

    private final RateLimit limit;
    private final Timekeeper time;
    private final ClusterSize cluster;
    private final List<Call> calls = new ArrayList<>();
    private Instant pausedUntil = Instant.MIN;

    ConnectionGate(RateLimit limit, Timekeeper time, ClusterSize cluster) {
        this.limit = limit;
        this.time = time;
        this.cluster = cluster;
    }

    /** This node's share of the calls the limit allows in a window. */
    private int share() {
        return Math.max(1, limit.requests() / cluster.liveNodes());
    }

    /** Waits until a call may go, and counts it as gone; tell {@link #answered} when its answer came. */
    Call acquire() {
        Call call = new Call();
        while (true) {
            Duration wait = reserveOrWait(call);
            if (wait.isZero()) {
                return call;
            }
            time.waitFor(wait);
        }
    }

    /** The call's answer came (or it failed): its window runs from now. */
    synchronized void answered(Call call) {
        call.answeredAt = time.clock().instant();
    }

    /** "12 of 100 calls in the last PT10S", and a pause a 429 asked for, as it stands now. */
    synchronized String state() {
        Instant now = time.clock().instant();
        String paused = now.isBefore(pausedUntil) ? "paused until " + pausedUntil + " (Retry-After)" : "";
        if (limit == null) {
            return paused.isEmpty() ? "no rate limit" : paused;
        }
        forgetCallsBefore(now.minus(limit.per()));
        int nodes = cluster.liveNodes();
        return calls.size() + " of " + share() + " calls in the last " + limit.per()
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
     * they were answered on a busy machine (35 ms seen here): the window is widened by 2%, at least 50 ms,
     * so that it never sees one call too many.
     */
    private Duration margin() {
        Duration twoPercent = limit.per().dividedBy(50);
        return twoPercent.compareTo(MIN_MARGIN) < 0 ? MIN_MARGIN : twoPercent;
    }

    /** Counts {@code call} and answers zero when it may go; else how long to wait before asking again. */
    private synchronized Duration reserveOrWait(Call call) {
        Instant now = time.clock().instant();
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        if (limit != null) {
            Instant windowStart = now.minus(limit.per()).minus(margin());
            forgetCallsBefore(windowStart);
            if (calls.size() >= share()) {
                // Every call in the window is still in flight: ask again once one may have been answered.
                Instant firstAnswered = calls.stream().map(counted -> counted.answeredAt).filter(Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(null);
                Duration wait = firstAnswered == null ? margin() : Duration.between(windowStart, firstAnswered);
                return wait.isZero() ? Duration.ofNanos(1) : wait;
            }
            calls.add(call);
        }
        return Duration.ZERO;
    }

    private void forgetCallsBefore(Instant windowStart) {
        calls.removeIf(counted -> counted.answeredAt != null && !counted.answeredAt.isAfter(windowStart));
    }
}
