package io.writeback.api;

import io.writeback.link.LinkRow;
import io.writeback.link.LinkStore;
import io.writeback.run.UnknownSyncException;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Settling, by hand, a record whose insert was sent but whose outcome nobody knows. */
@RestController
@RequestMapping("/api/syncs/{name}/links/{sourceId}")
class LinkController {

    private final SyncCatalog catalog;
    private final LinkStore links;

    LinkController(SyncCatalog catalog, LinkStore links) {
        this.catalog = catalog;
        this.links = links;
    }

    /**
     * {@code {"targetId": "123"}}: the record is that target record (the next run sends its payload to it);
     * {@code {"insertAgain": true}}: the insert did not land (the next run inserts it).
     */
    @PostMapping("/resolve")
    LinkRow resolve(@PathVariable String name, @PathVariable String sourceId, @RequestBody Resolution resolution) {
        SyncDefinition sync = catalog.find(name).orElseThrow(() -> new UnknownSyncException(name));
        boolean toTarget = resolution.targetId() != null && !resolution.targetId().isBlank();
        if (toTarget == Boolean.TRUE.equals(resolution.insertAgain())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give either targetId or insertAgain: true");
        }
        String linkSync = sync.source().linkSync(name);
        if (!links.resolvePending(linkSync, sourceId, toTarget ? resolution.targetId() : null)) {
            throw new NotFoundException("record " + sourceId + " of sync '" + name + "' has no pending link");
        }
        return links.row(linkSync, sourceId).orElse(null);
    }

    /** How an operator settles a pending record. */
    record Resolution(String targetId, Boolean insertAgain) {
    }
}
