package io.writeback.api;

import io.writeback.deadletter.DeadLetterView;
import io.writeback.deadletter.DeadLetters;
import io.writeback.run.SyncOperations;
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

    private final SyncCatalog catalog;
    private final DeadLetters deadLetters;
    private final SyncOperations operations;

    DeadLetterController(SyncCatalog catalog, DeadLetters deadLetters, SyncOperations operations) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
        this.operations = operations;
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
        SyncOperations.Replay replay = operations.replay(name, request == null ? null : request.ids())
                .orElseThrow(() -> new NotFoundException("sync '" + name + "' has no pending dead letters"
                        + (request == null || request.ids() == null ? "" : " with ids " + request.ids())));
        return SyncController.queued(name, replay.runId(), Map.of("records", replay.records()));
    }

    private void requireSync(String name) {
        catalog.find(name).orElseThrow(() -> new UnknownSyncException(name));
    }

    /** The dead letters to replay; none means every pending one. */
    record ReplayRequest(List<Long> ids) {
    }
}
