package io.writeback.plan;

import io.writeback.link.Link;
import io.writeback.link.LinkStore;
import io.writeback.pipeline.ChunkLinks;
import io.writeback.pipeline.Stage;
import io.writeback.pipeline.StageChunk;
import io.writeback.pipeline.SyncRecord;
import io.writeback.run.RunContext;
import io.writeback.pipeline.StageKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            ChangePlanner.validKeys(chunk);
            ChunkLinks.lookUp(links, run.linkSync(), chunk);
            Map<String, Link> found = new HashMap<>();
            chunk.stream().filter(r -> r.action() == null && r.link() != null).forEach(r -> found.put(r.sourceId(), r.link()));
            ChangePlanner.plan(chunk, found, run.source().mode(), run.source().vanished(), run.mappingFingerprint(),
                    run.runId(), run.settling()::wroteRecently);
        };
    }
}
