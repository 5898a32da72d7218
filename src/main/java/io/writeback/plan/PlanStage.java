package io.writeback.plan;

import io.writeback.link.LinkStore;
import io.writeback.pipeline.Stage;
import io.writeback.pipeline.StageChunk;
import io.writeback.pipeline.SyncRecord;
import io.writeback.run.RunContext;
import io.writeback.pipeline.StageKind;
import java.util.List;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** {@code writeback:plan}: looks the chunk up in the link table (one query) and decides each record's action. */
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
            var keys = ChangePlanner.validKeys(chunk);
            ChangePlanner.plan(chunk, links.find(run.linkSync(), keys), run.source().mode(), run.source().vanished(),
                    run.mappingFingerprint(), run.runId(), run.settling()::wroteLast);
        };
    }
}
