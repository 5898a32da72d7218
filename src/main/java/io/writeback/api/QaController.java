package io.writeback.api;

import io.writeback.qa.QaChecks;
import io.writeback.qa.QaChecks.QaReport;
import io.writeback.qa.QaChecks.QaRequest;
import io.writeback.qa.QaViews;
import io.writeback.run.UnknownSyncException;
import io.writeback.sync.SyncCatalog;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * QA checks of a sync's target records against its source rows: started in the background and read as they go
 * (operators), or made into SQL views in the warehouse (admins).
 */
@RestController
@RequestMapping("/api")
class QaController {

    private final QaChecks checks;
    private final QaViews views;
    private final SyncCatalog catalog;

    QaController(QaChecks checks, QaViews views, SyncCatalog catalog) {
        this.checks = checks;
        this.views = views;
        this.catalog = catalog;
    }

    @PostMapping("/syncs/{name}/qa")
    ResponseEntity<Map<String, Object>> start(@PathVariable String name, @RequestBody(required = false) QaRequest request,
            Principal operator) {
        try {
            long id = checks.start(name, request == null ? new QaRequest(null, null) : request, operator.getName());
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("qaId", id, "report", "/api/qa/" + id));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** The QA checks as SQL views in the warehouse (admins: it makes database objects). */
    @PostMapping("/syncs/{name}/qa/views")
    QaViews.Views views(@PathVariable String name, @RequestBody QaViews.ViewsRequest request) {
        try {
            return views.create(name, request);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @GetMapping("/syncs/{name}/qa")
    List<QaReport> ofSync(@PathVariable String name, @RequestParam(defaultValue = "20") int limit) {
        catalog.find(name).orElseThrow(() -> new UnknownSyncException(name));
        return checks.of(name, Math.max(1, Math.min(limit, 100)));
    }

    @GetMapping("/qa/{id}")
    QaReport one(@PathVariable long id) {
        return checks.find(id).orElseThrow(() -> new NotFoundException("no QA check " + id));
    }
}
