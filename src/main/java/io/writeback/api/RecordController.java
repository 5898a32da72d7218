package io.writeback.api;

import io.writeback.explain.RecordExplainer;
import io.writeback.explain.RecordExplanation;
import io.writeback.kernel.RecordTrace;
import io.writeback.kernel.RecordTrace.TracedRecord;
import io.writeback.kernel.RunScope;
import io.writeback.run.RunLauncher;
import io.writeback.run.RunLedger;
import io.writeback.run.RunView;
import io.writeback.run.Trigger;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Looking at one sync's records before and after they sync: preview, one-record sync, explain. */
@RestController
@RequestMapping("/api/syncs/{name}")
class RecordController {

    private final RunLauncher launcher;
    private final RunLedger ledger;
    private final RecordExplainer explainer;

    RecordController(RunLauncher launcher, RunLedger ledger, RecordExplainer explainer) {
        this.launcher = launcher;
        this.ledger = ledger;
        this.explainer = explainer;
    }

    /** What the next run would do: counts per action, sample requests exactly as they would be sent, findings. */
    @GetMapping("/preview")
    Preview preview(@PathVariable String name, @RequestParam(defaultValue = "10") int limit) {
        RecordTrace trace = RecordTrace.preview(Math.max(0, Math.min(limit, 1000)));
        launcher.runTraced(name, Trigger.API, RunScope.ALL, trace);
        return new Preview(name, trace.counts(), trace.records(), trace.findings());
    }

    /** Runs the whole pipeline for one source record now, and tells what was sent and what came back. */
    @PostMapping("/records/{sourceId}/sync")
    RecordSync syncOne(@PathVariable String name, @PathVariable String sourceId) {
        RecordTrace trace = RecordTrace.live(10);
        long runId = launcher.runTraced(name, Trigger.RECORD, RunScope.keys(List.of(sourceId)), trace);
        RunView run = ledger.find(runId).orElseThrow();
        List<TracedRecord> records = trace.records();
        return new RecordSync(name, sourceId, runId, run.status(), !records.isEmpty(),
                records.isEmpty() ? null : records.get(0), trace.findings());
    }

    @GetMapping("/records/{sourceId}")
    RecordExplanation explain(@PathVariable String name, @PathVariable String sourceId) {
        return explainer.explain(name, sourceId);
    }

    /** A dry run's answer. */
    record Preview(String sync, Map<String, Long> counts, List<TracedRecord> samples, List<String> findings) {
    }

    /** A one-record run's answer: the record's action, request and answer are in {@code record}. */
    record RecordSync(String sync, String sourceId, long runId, String runStatus, boolean inQueryResult,
            TracedRecord record, List<String> findings) {
    }
}
