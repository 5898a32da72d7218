package io.writeback.plan;

import io.writeback.kernel.Link;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.Stage;
import io.writeback.kernel.StageChunk;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.ChunkLinks;
import io.writeback.link.LinkStore;
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
    public String name() {
        return PlanOptions.STAGE;
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
            ChangePlanner.plan(chunk, found, run.spec().mode(), run.spec().vanished(), run.mappingFingerprint(),
                    run.runId(), run.settling()::wroteRecently);
        };
    }
}
