package io.writeback.delivery;

import io.writeback.connection.OnMissing;
import io.writeback.kernel.Action;
import io.writeback.kernel.RunContext;
import io.writeback.kernel.SyncMode;
import io.writeback.kernel.SyncRecord;
import io.writeback.link.LinkIntents;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records whose target record turned out to be gone (an update answered 404, say): archived ones count
 * as archived; updated ones are created again, unlinked or failed, as their object's {@code on-missing}
 * says ({@code recreate} by default, {@code fail} in mode update, which never creates).
 */
final class GoneTargets {

    private final RecordWriter writer;
    private final LinkIntents linkIntents;
    private final DeliverOptions options;
    private final RunContext run;

    GoneTargets(RecordWriter writer, LinkIntents linkIntents, DeliverOptions options, RunContext run) {
        this.writer = writer;
        this.linkIntents = linkIntents;
        this.options = options;
        this.run = run;
    }

    /**
     * What becomes of {@code record}, whose write found its target gone. A record created again goes under
     * a new intent key, noted before it is sent (into {@code intentKeys}, and its note's id into {@code intentsIds}).
     */
    RecordWriter.Written settle(SyncRecord record, RecordWriter.Written written, Map<String, String> intentKeys,
            List<Long> intentsIds) {
        String targetId = record.link().targetId();
        String gone = "target record " + targetId + " is gone (" + written.call().error() + ")";
        if (record.action() == Action.ARCHIVE) {
            return new RecordWriter.Written(written.call().withError(null), targetId);
        }
        return switch (policy()) {
            case FAIL -> new RecordWriter.Written(written.call().withError(gone + "; on-missing of object '" + options.getObject()
                    + "' is fail: forget the link with DELETE /api/syncs/" + run.sync() + "/links/" + record.sourceId()
                    + ", or set on-missing to recreate or unlink"), null, true);
            case UNLINK -> {
                record.decide(Action.UNLINK, gone + "; its link is forgotten (on-missing: unlink)");
                yield new RecordWriter.Written(written.call().withError(null), null, true);
            }
            case RECREATE -> recreate(record, written, gone, intentKeys, intentsIds);
        };
    }

    private RecordWriter.Written recreate(SyncRecord record, RecordWriter.Written written, String gone,
            Map<String, String> intentKeys, List<Long> intentsIds) {
        record.decide(Action.INSERT, gone + "; created again (on-missing: recreate)");
        String key = UUID.randomUUID().toString();
        intentKeys.put(record.sourceId(), key);
        intentsIds.add(linkIntents.recordIntents(run.linkSync(), run.runId(), Map.of(record.sourceId(), key)));
        RecordWriter.Written created = writer.insert(options.getConnection(), options.getObject(), record.payload(), key);
        return new RecordWriter.Written(created.call().afterCalls(written.call().calls()), created.targetId());
    }

    private OnMissing policy() {
        OnMissing own = writer.onMissing(options.getConnection(), options.getObject());
        if (own != null) {
            return own;
        }
        return run.spec().mode() == SyncMode.UPDATE ? OnMissing.FAIL : OnMissing.RECREATE;
    }
}
