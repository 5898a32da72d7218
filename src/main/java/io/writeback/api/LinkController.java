package io.writeback.api;

import io.writeback.link.LinkRow;
import io.writeback.link.ManualLinks;
import io.writeback.run.ActiveRuns;
import io.writeback.run.UnknownSyncException;
import io.writeback.seeding.LinkSeeder;
import io.writeback.sync.SyncAudit;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A sync's link table by hand: seeding it with records already in the target, settling a record whose
 * insert was sent but whose outcome nobody knows, and forgetting links to target records that are gone.
 */
@RestController
@RequestMapping("/api/syncs/{name}/links")
class LinkController {

    private final SyncCatalog catalog;
    private final ManualLinks links;
    private final LinkSeeder seeder;
    private final ActiveRuns activeRuns;
    private final SyncAudit audit;

    LinkController(SyncCatalog catalog, ManualLinks links, LinkSeeder seeder, ActiveRuns activeRuns, SyncAudit audit) {
        this.audit = audit;
        this.catalog = catalog;
        this.links = links;
        this.seeder = seeder;
        this.activeRuns = activeRuns;
    }

    /**
     * {@code {"query": "SELECT ... AS source_id, ... AS target_id FROM ..."}}, one SELECT run read-only on
     * the warehouse: links each source id to a record already in the target. Admins only; refused while
     * the sync or another seeding runs.
     */
    @PostMapping("/seed")
    LinkSeeder.Seeded seed(@PathVariable String name, @RequestBody SeedQuery seed, Principal admin) {
        SyncDefinition sync = catalog.find(name).orElseThrow(() -> new UnknownSyncException(name));
        refuseWhileRunning(name, "seed its links");
        try {
            LinkSeeder.Seeded seeded = seeder.seed(sync.source().spec().linkSync(name), seed.query());
            audit.record(name, "seeded links", admin.getName(), seeded.linked() + " linked by " + seed.query());
            return seeded;
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (LinkSeeder.SeedingBusyException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    /**
     * {@code {"targetId": "123"}}: the record is that target record (the next run sends its payload to it);
     * {@code {"insertAgain": true}}: the insert did not land (the next run inserts it).
     */
    @PostMapping("/{sourceId}/resolve")
    LinkRow resolve(@PathVariable String name, @PathVariable String sourceId, @RequestBody Resolution resolution) {
        SyncDefinition sync = catalog.find(name).orElseThrow(() -> new UnknownSyncException(name));
        boolean toTarget = resolution.targetId() != null && !resolution.targetId().isBlank();
        if (toTarget == Boolean.TRUE.equals(resolution.insertAgain())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give either targetId or insertAgain: true");
        }
        String linkSync = sync.source().spec().linkSync(name);
        if (!links.resolvePending(linkSync, sourceId, toTarget ? resolution.targetId() : null)) {
            String state = links.row(linkSync, sourceId).map(row -> "its link is " + row.status()).orElse("it has no link");
            throw new NotFoundException("record " + sourceId + " of sync '" + name + "' has no pending link (" + state
                    + "); to forget a link in any state, DELETE /api/syncs/" + name + "/links/" + sourceId);
        }
        return links.row(linkSync, sourceId).orElse(null);
    }

    /**
     * Forgets the link of one record (its target record was deleted by hand, say): the next run that reads
     * the row treats it as never sent. Refused while the sync runs.
     */
    @DeleteMapping("/{sourceId}")
    Map<String, Object> forget(@PathVariable String name, @PathVariable String sourceId, Principal operator) {
        SyncDefinition sync = catalog.find(name).orElseThrow(() -> new UnknownSyncException(name));
        refuseWhileRunning(name, "forget its links");
        if (!links.forget(sync.source().spec().linkSync(name), sourceId)) {
            throw new NotFoundException("record " + sourceId + " of sync '" + name + "' has no link");
        }
        audit.record(name, "forgot a link", operator.getName(), "record " + sourceId);
        return Map.of("sync", name, "sourceId", sourceId, "forgotten", 1);
    }

    /** Forgets every link of the sync, which must be asked for with {@code ?all=true}. Refused while the sync runs. */
    @DeleteMapping
    Map<String, Object> forgetAll(@PathVariable String name, @RequestParam(defaultValue = "false") boolean all,
            Principal operator) {
        SyncDefinition sync = catalog.find(name).orElseThrow(() -> new UnknownSyncException(name));
        if (!all) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "forgetting every link of sync '" + name
                    + "' needs ?all=true");
        }
        refuseWhileRunning(name, "forget its links");
        int forgotten = links.forgetAll(sync.source().spec().linkSync(name));
        audit.record(name, "forgot every link", operator.getName(), forgotten + " link(s)");
        return Map.of("sync", name, "forgotten", forgotten);
    }

    private void refuseWhileRunning(String name, String what) {
        activeRuns.active(name).ifPresent(runId -> {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "sync '" + name + "' is running (run " + runId
                    + "); " + what + " when it is not");
        });
    }

    /** The query that pairs source ids with target ids. */
    record SeedQuery(String query) {
    }

    /** How an operator settles a pending record. */
    record Resolution(String targetId, Boolean insertAgain) {
    }
}
