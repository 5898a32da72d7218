package io.writeback.transform;

import io.writeback.kernel.Action;
import io.writeback.kernel.Link;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.Stage;
import io.writeback.kernel.StageChunk;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.ChunkLinks;
import io.writeback.link.LinkStore;
import io.writeback.plan.ChangePlanner;
import io.writeback.plan.PayloadHash;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.spi.ScriptingLanguage;
import org.springframework.stereotype.Component;

/**
 * {@code writeback:transform}: runs a Groovy script on each mapped record of a chunk, which may reshape
 * its payload, make it depend on whether the record is inserted or updated, or skip it. A script that
 * throws makes that record invalid, with the script's message; the run goes on.
 */
@Component
public class TransformStage implements Stage<TransformOptions> {

    private final CamelContext camel;
    private final LinkStore links;

    public TransformStage(CamelContext camel, LinkStore links) {
        this.camel = camel;
        this.links = links;
    }

    @Override
    public String name() {
        return TransformOptions.STAGE;
    }

    @Override
    public Processor processor(TransformOptions options) {
        // Read once: a script kept in a file is not read again for each record. Its text is part of the hash.
        RecordScript script = new RecordScript((ScriptingLanguage) camel.resolveLanguage("groovy"), options.scriptText());
        String fingerprint = options.fingerprint();
        return exchange -> {
            RunContext run = StageChunk.run(exchange);
            List<SyncRecord> chunk = StageChunk.records(exchange);
            run.useMapping(run.mappingFingerprint() + fingerprint);
            // Whether each record is an insert or an update depends on its link.
            ChunkLinks.lookUp(links, run.linkSync(), chunk);
            for (SyncRecord record : chunk) {
                if (record.action() == null) {
                    transform(script, record, run);
                }
            }
        };
    }

    private static void transform(RecordScript script, SyncRecord record, RunContext run) {
        Link link = record.link();
        String targetId = ChangePlanner.inTarget(link, run.spec().vanished()) ? link.targetId() : null;
        try {
            if (targetId == null) {
                // The hash the link keeps after an insert is the update's: fields set on insert only must not
                // make the next run send an update.
                Map<String, Object> asUpdate = RecordScript.deepCopy(record.payload());
                if (script.run(asUpdate, record.row(), false, null) == null) {
                    record.setHashAfterInsert(PayloadHash.of(run.mappingFingerprint(), asUpdate));
                }
            }
            String skipped = script.run(record.payload(), record.row(), targetId == null, targetId);
            if (skipped != null) {
                record.decide(Action.SKIP, skipped);
            }
        } catch (RuntimeException e) {
            record.decide(Action.INVALID, "writeback:transform failed: " + e.getMessage());
        }
    }
}
