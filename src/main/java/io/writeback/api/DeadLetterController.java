package io.writeback.api;

import io.writeback.deadletter.DeadLetterView;
import io.writeback.deadletter.DeadLetters;
import io.writeback.kernel.RunScope;
import io.writeback.run.RunLauncher;
import io.writeback.run.Trigger;
import io.writeback.run.UnknownSyncException;
import io.writeback.sync.SyncCatalog;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A sync's failed records, and sending them again through the sync's own route. */
@RestController
@RequestMapping("/api/syncs/{name}/dead-letters")
class DeadLetterController {

    /** Records one replay call sends at most; call again for the rest. */
    static final int MAX_REPLAY = 10_000;

    private final SyncCatalog catalog;
    private final DeadLetters deadLetters;
    private final RunLauncher launcher;

    DeadLetterController(SyncCatalog catalog, DeadLetters deadLetters, RunLauncher launcher) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
        this.launcher = launcher;
    }

    @GetMapping
    List<DeadLetterView> list(@PathVariable String name, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "100") int limit) {
        requireSync(name);
        return deadLetters.list(name, state, Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * Replays the pending dead letters (all, or {@code {"ids": [...]}}): their records are read again
     * from the source by key and go through the whole route. A record already synced is not sent twice.
     */
    @PostMapping("/replay")
    ResponseEntity<Map<String, Object>> replay(@PathVariable String name, @RequestBody(required = false) ReplayRequest request) {
        requireSync(name);
        List<String> sourceIds = deadLetters.pendingSourceIds(name, request == null ? null : request.ids(), MAX_REPLAY);
        if (sourceIds.isEmpty()) {
            throw new NotFoundException("sync '" + name + "' has no pending dead letters"
                    + (request == null || request.ids() == null ? "" : " with ids " + request.ids()));
        }
        long runId = launcher.launch(name, Trigger.REPLAY, RunScope.keys(sourceIds));
        return SyncController.queued(name, runId, Map.of("records", sourceIds.size()));
    }

    private void requireSync(String name) {
        catalog.find(name).orElseThrow(() -> new UnknownSyncException(name));
    }

    /** The dead letters to replay; none means every pending one. */
    record ReplayRequest(List<Long> ids) {
    }
}
