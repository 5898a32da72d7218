package io.writeback.plan;

import io.writeback.link.Link;
import io.writeback.link.LinkStore;
import io.writeback.pipeline.Stage;
import io.writeback.pipeline.StageChunk;
import io.writeback.pipeline.SyncRecord;
import io.writeback.run.RunContext;
import io.writeback.pipeline.StageKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code writeback:plan}: looks the chunk up in the link table (one query, for the records whose links
 * were not looked up as they were read) and decides each record's action.
 */
@Component
public class PlanStage implements Stage<PlanOptions> {

    private final LinkStore links;

    public PlanStage(LinkStore links) {
        this.links = links;
    }

    @Override
    public StageKind kind() {
        return StageKind.PLAN;
    }

    @Override
    public Processor processor(PlanOptions options) {
        return exchange -> {
            RunContext run = StageChunk.run(exchange);
            List<SyncRecord> chunk = StageChunk.records(exchange);
            Set<String> keys = ChangePlanner.validKeys(chunk);
            List<String> notLookedUp = chunk.stream().filter(r -> !r.linkLookedUp() && keys.contains(r.sourceId()))
                    .map(SyncRecord::sourceId).toList();
            Map<String, Link> found = new HashMap<>(links.find(run.linkSync(), notLookedUp));
            chunk.stream().filter(r -> r.linkLookedUp() && r.link() != null).forEach(r -> found.putIfAbsent(r.sourceId(), r.link()));
            ChangePlanner.plan(chunk, found, run.source().mode(), run.source().vanished(), run.mappingFingerprint(),
                    run.runId(), run.settling()::wroteRecently);
        };
    }
}
