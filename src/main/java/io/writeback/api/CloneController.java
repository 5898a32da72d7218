package io.writeback.api;

import io.writeback.clone.CloneComparison;
import io.writeback.clone.CloneView;
import io.writeback.clone.SyncClones;
import io.writeback.clone.SyncClones.CloneRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Clones of syncs: made from a sync (operators), listed (viewers), compared with their original and deleted
 * (operators). A clone runs as any sync does, through {@code /api/syncs/{clone}/runs}.
 */
@RestController
@RequestMapping("/api")
class CloneController {

    private final SyncClones clones;
    private final CloneComparison comparison;

    CloneController(SyncClones clones, CloneComparison comparison) {
        this.clones = clones;
        this.comparison = comparison;
    }

    @PostMapping("/syncs/{name}/clone")
    ResponseEntity<CloneView> create(@PathVariable String name, @RequestBody(required = false) CloneRequest request,
            Principal operator) {
        try {
            CloneView clone = clones.create(name, request == null ? new CloneRequest(null, null, null, null, null) : request,
                    operator.getName());
            return ResponseEntity.status(HttpStatus.CREATED).body(clone);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @GetMapping("/clones")
    List<CloneView> all() {
        return clones.all();
    }

    @GetMapping("/clones/{name}")
    CloneView one(@PathVariable String name) {
        return clones.find(name).orElseThrow(() -> noSuchClone(name));
    }

    @GetMapping("/clones/{name}/comparison")
    CloneComparison.Comparison compare(@PathVariable String name, @RequestParam(defaultValue = "100") int limit) {
        try {
            return comparison.compare(name, Math.max(1, Math.min(limit, 1000))).orElseThrow(() -> noSuchClone(name));
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @DeleteMapping("/clones/{name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        if (!clones.delete(name)) {
            throw noSuchClone(name);
        }
        return ResponseEntity.noContent().build();
    }

    private static NotFoundException noSuchClone(String name) {
        return new NotFoundException("no clone named '" + name + "'");
    }
}
