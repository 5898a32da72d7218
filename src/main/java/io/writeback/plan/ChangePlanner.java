package io.writeback.plan;

import io.writeback.link.Link;
import io.writeback.pipeline.SyncRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decides, per record of a chunk, what the destination must be told, given the link rows from before. */
public final class ChangePlanner {

    private ChangePlanner() {
    }

    /** The source ids of the chunk's valid records; a key seen twice in the chunk makes the later row invalid. */
    public static Set<String> validKeys(List<SyncRecord> chunk) {
        Set<String> keys = new HashSet<>();
        for (SyncRecord record : chunk) {
            if (!record.isInvalid() && !keys.add(record.sourceId())) {
                record.decide(Action.INVALID, duplicate(record));
            }
        }
        return keys;
    }

    /**
     * Plans the chunk of run {@code runId}. A link that this run already wrote means the key came in an
     * earlier chunk of the same run: the row is invalid, not sent twice.
     */
    public static void plan(List<SyncRecord> chunk, Map<String, Link> links, SyncMode mode, String mappingFingerprint,
            long runId) {
        for (SyncRecord record : chunk) {
            if (record.isInvalid()) {
                continue;
            }
            Link link = links.get(record.sourceId());
            if (link != null && link.lastRunId() != null && link.lastRunId() == runId) {
                record.decide(Action.INVALID, duplicate(record));
                continue;
            }
            String hash = PayloadHash.of(mappingFingerprint, record.payload());
            record.setLink(link);
            record.setPayloadHash(hash);
            boolean linked = link != null && link.targetId() != null;
            if (!linked) {
                if (mode == SyncMode.UPDATE) {
                    record.decide(Action.SKIP, "no link to a target record, and mode update only updates");
                } else {
                    record.decide(Action.INSERT, null);
                }
            } else if (mode == SyncMode.INSERT) {
                record.decide(Action.SKIP, "already linked to target record " + link.targetId() + ", and mode insert only inserts");
            } else if (link.status().inSync() && hash.equals(link.payloadHash())) {
                record.decide(Action.UNCHANGED, "same payload hash as last sent");
            } else {
                record.decide(Action.UPDATE, null);
            }
        }
    }

    private static String duplicate(SyncRecord record) {
        return "the key " + record.sourceId() + " appears more than once in the query's result";
    }
}
