package io.writeback.api;

import io.writeback.deadletter.InvalidRows;
import io.writeback.run.ActiveRuns;
import io.writeback.run.Pauses;
import io.writeback.run.RunLauncher;
import io.writeback.run.RunLedger;
import io.writeback.run.RunView;
import io.writeback.run.SyncOperations;
import io.writeback.run.UnknownSyncException;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The syncs, their runs, and running one now. */
@RestController
@RequestMapping("/api")
class SyncController {

    private final SyncCatalog catalog;
    private final RunLedger ledger;
    private final RunLauncher launcher;
    private final ActiveRuns activeRuns;
    private final InvalidRows invalidRows;
    private final Pauses pauses;
    private final SyncOperations operations;

    SyncController(SyncCatalog catalog, RunLedger ledger, RunLauncher launcher, ActiveRuns activeRuns,
            InvalidRows invalidRows, Pauses pauses, SyncOperations operations) {
        this.pauses = pauses;
        this.operations = operations;
        this.catalog = catalog;
        this.ledger = ledger;
        this.launcher = launcher;
        this.activeRuns = activeRuns;
        this.invalidRows = invalidRows;
    }

    @GetMapping("/syncs")
    List<SyncSummary> syncs() {
        Map<String, ActiveRuns.Claim> running = activeRuns.all().stream()
                .collect(Collectors.toMap(ActiveRuns.Claim::sync, claim -> claim));
        return catalog.all().stream().map(sync -> summary(sync, Optional.ofNullable(running.get(sync.name())))).toList();
    }

    @GetMapping("/syncs/{name}")
    SyncSummary sync(@PathVariable String name) {
        return summary(find(name), activeRuns.running(name));
    }

    @PostMapping("/syncs/{name}/runs")
    ResponseEntity<Map<String, Object>> runNow(@PathVariable String name) {
        return queued(name, launcher.launch(name));
    }

    /** Forgets the bookmark and runs over every row; unchanged rows are still skipped by their hash. */
    @PostMapping("/syncs/{name}/resync")
    ResponseEntity<Map<String, Object>> resync(@PathVariable String name) {
        return queued(name, operations.resync(name));
    }

    static ResponseEntity<Map<String, Object>> queued(String sync, long runId) {
        return queued(sync, runId, Map.of());
    }

    /** 202 with where to follow the queued run, and {@code details} about it. */
    static ResponseEntity<Map<String, Object>> queued(String sync, long runId, Map<String, Object> details) {
        URI location = URI.create("/api/runs/" + runId);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("runId", runId, "sync", sync, "status", "queued",
                "run", location.toString()));
        body.putAll(details);
        return ResponseEntity.accepted().location(location).body(body);
    }

    @GetMapping("/syncs/{name}/runs")
    List<RunView> runs(@PathVariable String name, @RequestParam(defaultValue = "20") int limit) {
        find(name);
        return ledger.history(name, Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/runs/{id}")
    RunView run(@PathVariable long id) {
        return ledger.find(id).orElseThrow(() -> new NotFoundException("no run with id " + id));
    }

    @GetMapping("/runs/{id}/invalid-rows")
    List<InvalidRows.InvalidRow> invalidRows(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        run(id);
        return invalidRows.ofRun(id, Math.max(1, Math.min(limit, InvalidRows.KEPT_PER_RUN)));
    }

    private SyncDefinition find(String name) {
        return catalog.find(name).orElseThrow(() -> new UnknownSyncException(name));
    }

    private SyncSummary summary(SyncDefinition sync, Optional<ActiveRuns.Claim> running) {
        return SyncSummary.of(sync, running,
                ledger.last(sync.name()).orElse(null), pauses.of(Pauses.Kind.SYNC, sync.name()).orElse(null));
    }

    /**
     * Pauses the sync, with an optional {@code {"reason": "..."}}: its schedule, groups and run-now leave it
     * alone until it is resumed, across restarts. A run under way goes on to its end.
     */
    @PostMapping("/syncs/{name}/pause")
    SyncSummary pause(@PathVariable String name, @RequestBody(required = false) PauseRequest request, Principal operator) {
        operations.pause(Pauses.Kind.SYNC, name, operator.getName(), request == null ? null : request.reason());
        return sync(name);
    }

    @PostMapping("/syncs/{name}/resume")
    SyncSummary resume(@PathVariable String name, Principal operator) {
        operations.resume(Pauses.Kind.SYNC, name, operator.getName());
        return sync(name);
    }

    /** Why a sync or group is paused. */
    record PauseRequest(String reason) {
    }
}
