package io.writeback.api;

import io.writeback.run.UnknownSyncException;
import io.writeback.sync.LineDiff;
import io.writeback.sync.SyncAudit;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncVersions;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A sync's history: the versions of its file with note and author, what operators did to it, and diffs. */
@RestController
@RequestMapping("/api/syncs/{name}/versions")
class VersionController {

    private final SyncCatalog catalog;
    private final SyncVersions versions;
    private final SyncAudit audit;

    VersionController(SyncCatalog catalog, SyncVersions versions, SyncAudit audit) {
        this.catalog = catalog;
        this.versions = versions;
        this.audit = audit;
    }

    /** The versions of the sync's file (newest first, without their text) and the operators' actions on it. */
    @GetMapping
    History history(@PathVariable String name) {
        catalog.find(name).orElseThrow(() -> new UnknownSyncException(name));
        return new History(versions.of(name), audit.of(name));
    }

    @GetMapping("/{id}")
    SyncVersions.Version version(@PathVariable String name, @PathVariable long id) {
        return find(name, id);
    }

    /** The lines version {@code to} differs from version {@code from} by, as diff prints them. */
    @GetMapping(value = "/diff", produces = MediaType.TEXT_PLAIN_VALUE)
    String diff(@PathVariable String name, @RequestParam long from, @RequestParam long to) {
        return String.join("\n", LineDiff.of(find(name, from).content(), find(name, to).content())) + "\n";
    }

    private SyncVersions.Version find(String name, long id) {
        return versions.find(name, id).orElseThrow(() -> new NotFoundException("sync '" + name + "' has no version " + id));
    }

    /** A sync's history. */
    record History(List<SyncVersions.Version> versions, List<SyncAudit.Event> events) {
    }
}
