package io.writeback.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.writeback.api.NotFoundException;
import io.writeback.demo.DemoMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A small REST destination served by Writeback itself, for demos and for trying a sync safely:
 * any object name works, records get numeric ids, and every write bumps the record's version.
 */
@DemoMode
@RestController
@RequestMapping("/sandbox/{object}")
class SandboxController {

    static final int MAX_BATCH = 100;
    private static final Pattern OBJECT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}");

    private final SandboxStore store;

    SandboxController(SandboxStore store) {
        this.store = store;
    }

    /** Creates a record; a create repeated under the same {@code Idempotency-Key} answers 200 with the first record. */
    @PostMapping
    ResponseEntity<SandboxRecord> create(@PathVariable String object, @RequestBody JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ObjectNode fields = fields(body, "the body");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(store.create(checked(object), fields));
        }
        SandboxStore.Created created = store.createOnce(checked(object), idempotencyKey, fields);
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK).body(created.record());
    }

    /**
     * Creates up to 100 records from {@code {"inputs": [...]}}, all or none; the results keep the order of
     * the inputs. With {@code "idempotencyKeys": [...]}, one per input, an input whose key was used before
     * returns the record first created under it.
     */
    @PostMapping("/batch")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, List<SandboxRecord>> createAll(@PathVariable String object, @RequestBody JsonNode body) {
        JsonNode inputs = body.path("inputs");
        if (!inputs.isArray() || inputs.isEmpty() || inputs.size() > MAX_BATCH) {
            throw badRequest("the body must be {\"inputs\": [...]} with 1 to " + MAX_BATCH + " objects");
        }
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            records.add(fields(inputs.get(i), "inputs[" + i + "]"));
        }
        return Map.of("results", store.createAll(checked(object), records, keys(body.get("idempotencyKeys"), inputs.size())));
    }

    /**
     * Finds up to 100 records by the values of one field, from {@code {"idProperty": "email", "inputs":
     * [{"id": "a@b.c"}, ...]}}; the results hold the records found, in any order, each once.
     */
    @PostMapping("/batch/read")
    Map<String, List<SandboxRecord>> readAll(@PathVariable String object, @RequestBody JsonNode body) {
        JsonNode inputs = body.path("inputs");
        String field = body.path("idProperty").asText("");
        if (field.isBlank() || !inputs.isArray() || inputs.isEmpty() || inputs.size() > MAX_BATCH) {
            throw badRequest("the body must be {\"idProperty\": \"<field>\", \"inputs\": [{\"id\": ...}]} with 1 to "
                    + MAX_BATCH + " inputs");
        }
        List<String> values = new ArrayList<>();
        inputs.forEach(input -> values.add(input.path("id").asText()));
        return Map.of("results", store.findBy(checked(object), field, values));
    }

    /** Reads up to 100 records by their ids, from {@code {"ids": ["7", "8"]}}; the results hold those found, in id order. */
    @PostMapping("/batch/get")
    Map<String, List<SandboxRecord>> getAll(@PathVariable String object, @RequestBody JsonNode body) {
        JsonNode ids = body.path("ids");
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_BATCH) {
            throw badRequest("the body must be {\"ids\": [...]} with 1 to " + MAX_BATCH + " ids");
        }
        List<String> values = new ArrayList<>();
        ids.forEach(id -> values.add(id.asText()));
        return Map.of("results", store.findAll(checked(object), values));
    }

    private static List<String> keys(JsonNode keys, int inputs) {
        if (keys == null || keys.isNull()) {
            return null;
        }
        if (!keys.isArray() || keys.size() != inputs) {
            throw badRequest("idempotencyKeys must be an array with one key per input");
        }
        List<String> values = new ArrayList<>();
        keys.forEach(key -> values.add(key.asText()));
        return values;
    }

    /** Lists records; any parameter but {@code limit} and {@code offset} filters on a field: {@code ?email=a@b.c}. */
    @GetMapping
    Map<String, Object> list(@PathVariable String object, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") long offset, @RequestParam Map<String, String> parameters) {
        String name = checked(object);
        Map<String, String> filters = new TreeMap<>(parameters);
        filters.keySet().removeAll(List.of("limit", "offset"));
        return Map.of("total", store.count(name, filters),
                "results", store.list(name, filters, Math.max(1, Math.min(limit, 1000)), Math.max(0, offset)));
    }

    @GetMapping("/{id}")
    SandboxRecord get(@PathVariable String object, @PathVariable long id) {
        return store.find(checked(object), id).orElseThrow(() -> missing(object, id));
    }

    @PatchMapping("/{id}")
    SandboxRecord merge(@PathVariable String object, @PathVariable long id, @RequestBody JsonNode body) {
        return store.update(checked(object), id, fields(body, "the body"), false).orElseThrow(() -> missing(object, id));
    }

    @PutMapping("/{id}")
    SandboxRecord replace(@PathVariable String object, @PathVariable long id, @RequestBody JsonNode body) {
        return store.update(checked(object), id, fields(body, "the body"), true).orElseThrow(() -> missing(object, id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String object, @PathVariable long id) {
        if (!store.delete(checked(object), id)) {
            throw missing(object, id);
        }
        return ResponseEntity.noContent().build();
    }

    private static String checked(String object) {
        if (!OBJECT.matcher(object).matches()) {
            throw badRequest("object names hold letters, digits, '_', '-' and '.', not '" + object + "'");
        }
        return object;
    }

    private static ObjectNode fields(JsonNode node, String what) {
        if (!(node instanceof ObjectNode object) || object.isEmpty()) {
            throw badRequest(what + " must be a JSON object with at least one field");
        }
        return object;
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }

    private static NotFoundException missing(String object, long id) {
        return new NotFoundException("no " + object + " record with id " + id);
    }
}
