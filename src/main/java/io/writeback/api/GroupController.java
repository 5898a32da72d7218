package io.writeback.api;

import io.writeback.run.ActiveRuns;
import io.writeback.run.Pauses;
import io.writeback.run.RunLedger;
import io.writeback.run.RunView;
import io.writeback.run.SyncOperations;
import io.writeback.run.Trigger;
import io.writeback.run.UnknownGroupException;
import io.writeback.sync.GroupDefinition;
import io.writeback.sync.SyncCatalog;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The groups, the last run of each of their syncs, and running one now. */
@RestController
@RequestMapping("/api/groups")
class GroupController {

    private final SyncCatalog catalog;
    private final RunLedger ledger;
    private final SyncOperations operations;
    private final ActiveRuns activeRuns;
    private final Pauses pauses;

    GroupController(SyncCatalog catalog, RunLedger ledger, SyncOperations operations, ActiveRuns activeRuns, Pauses pauses) {
        this.pauses = pauses;
        this.catalog = catalog;
        this.ledger = ledger;
        this.operations = operations;
        this.activeRuns = activeRuns;
    }

    @GetMapping
    List<GroupSummary> groups() {
        return catalog.groups().stream().map(this::summary).toList();
    }

    @GetMapping("/{name}")
    GroupSummary group(@PathVariable String name) {
        return summary(find(name));
    }

    /** 202 at once: the group's syncs run one after the other in the background; each run shows under its sync. */
    @PostMapping("/{name}/runs")
    ResponseEntity<Map<String, Object>> runNow(@PathVariable String name) {
        GroupDefinition group = find(name);
        operations.runGroup(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group", name);
        body.put("status", "started");
        body.put("syncs", group.syncs());
        body.put("group", "/api/groups/" + name);
        return ResponseEntity.accepted().body(body);
    }

    /** Pauses the group, with an optional {@code {"reason": "..."}}: its schedule and run-now do nothing until it is resumed. */
    @PostMapping("/{name}/pause")
    GroupSummary pause(@PathVariable String name, @RequestBody(required = false) SyncController.PauseRequest request,
            Principal operator) {
        operations.pause(Pauses.Kind.GROUP, name, operator.getName(), request == null ? null : request.reason());
        return group(name);
    }

    @PostMapping("/{name}/resume")
    GroupSummary resume(@PathVariable String name, Principal operator) {
        operations.resume(Pauses.Kind.GROUP, name, operator.getName());
        return group(name);
    }

    private GroupDefinition find(String name) {
        return catalog.findGroup(name).orElseThrow(() -> new UnknownGroupException(name));
    }

    private GroupSummary summary(GroupDefinition group) {
        List<GroupSummary.Member> members = group.syncs().stream().map(sync -> new GroupSummary.Member(sync,
                activeRuns.active(sync).filter(id -> id > 0).orElse(null),
                ledger.last(sync, Trigger.GROUP).orElse(null), ledger.last(sync).orElse(null))).toList();
        return new GroupSummary(group.name(), group.description(), group.file().toString(), group.schedule(),
                activeRuns.groupRunning(group.name()), pauses.of(Pauses.Kind.GROUP, group.name()).orElse(null), members);
    }

    /** A group as the API shows it; {@code paused} is null unless an operator paused it. */
    record GroupSummary(String name, String description, String file, String schedule, boolean running, Pauses.Pause paused,
            List<Member> syncs) {

        /** One of its syncs, in the order run: its run going now, its last run for the group, its last run of all. */
        record Member(String name, Long activeRunId, RunView lastGroupRun, RunView lastRun) {
        }
    }
}
