package io.writeback.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** At most one run per sync at a time in this instance. */
@Component
public class ActiveRuns {

    private final Map<String, Long> runBySync = new ConcurrentHashMap<>();

    /** Claims the sync for {@code runId}; false when another run holds it. */
    public boolean claim(String sync, long runId) {
        Long holder = runBySync.putIfAbsent(sync, runId);
        return holder == null || holder == runId;
    }

    /** Hands the claim of a run that had no id yet to the id it now has. */
    public void transfer(String sync, long claimId, long runId) {
        runBySync.replace(sync, claimId, runId);
    }

    public Optional<Long> active(String sync) {
        return Optional.ofNullable(runBySync.get(sync));
    }

    public void release(String sync, long runId) {
        runBySync.remove(sync, runId);
    }
}
