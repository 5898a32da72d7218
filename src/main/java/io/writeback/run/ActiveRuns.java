package io.writeback.run;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** At most one run per sync, and one run of each group, at a time in this instance. */
@Component
public class ActiveRuns {

    private final Map<String, Long> runBySync = new ConcurrentHashMap<>();
    private final Set<String> runningGroups = ConcurrentHashMap.newKeySet();
    private final AtomicLong placeholders = new AtomicLong();

    /** Claims the sync for {@code runId}; false when another run holds it. */
    public boolean claim(String sync, long runId) {
        Long holder = runBySync.putIfAbsent(sync, runId);
        return holder == null || holder == runId;
    }

    /**
     * Claims the sync for a run that has no id yet, under a placeholder that {@link #transfer} later
     * replaces with the run's id; empty when another run holds the sync, or its two-way {@code pair}
     * (null: none): the two halves of a pair never run at once.
     */
    public OptionalLong claimAhead(String sync, String pair) {
        long placeholder = -placeholders.incrementAndGet();
        if (!claim(sync, placeholder)) {
            return OptionalLong.empty();
        }
        if (pair != null && runBySync.containsKey(pair)) {
            release(sync, placeholder);
            return OptionalLong.empty();
        }
        return OptionalLong.of(placeholder);
    }

    /** Of a sync and its pair (null: none), the one a run holds: what a refused claim waits for. */
    public String busyOf(String sync, String pair) {
        return pair != null && !runBySync.containsKey(sync) && runBySync.containsKey(pair) ? pair : sync;
    }

    /** Hands the claim of a run that had no id yet to the id it now has. */
    public void transfer(String sync, long claimId, long runId) {
        runBySync.replace(sync, claimId, runId);
    }

    public Optional<Long> active(String sync) {
        return Optional.ofNullable(runBySync.get(sync));
    }

    public void release(String sync, long runId) {
        if (runBySync.remove(sync, runId)) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Claims {@code group} for a run of its syncs; false when one is under way. */
    public boolean claimGroup(String group) {
        return runningGroups.add(group);
    }

    public boolean groupRunning(String group) {
        return runningGroups.contains(group);
    }

    public void releaseGroup(String group) {
        runningGroups.remove(group);
    }

    /** Waits until no run holds {@code sync}; another may claim it first, so callers claim, then wait again. */
    public synchronized void awaitFree(String sync) throws InterruptedException {
        while (runBySync.containsKey(sync)) {
            wait();
        }
    }
}
