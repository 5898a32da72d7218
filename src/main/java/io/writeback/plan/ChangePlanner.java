package io.writeback.plan;

import io.writeback.kernel.Action;
import io.writeback.kernel.Link;
import io.writeback.kernel.LinkStatus;
import io.writeback.kernel.SyncMode;
import io.writeback.kernel.SyncRecord;
import io.writeback.kernel.Vanished;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Decides, per record of a chunk, what the destination must be told, given the link rows from before. */
public final class ChangePlanner {

    private ChangePlanner() {
    }

    /** The source ids of the chunk's valid records; a key seen twice in the chunk makes the later row invalid. */
    public static Set<String> validKeys(List<SyncRecord> chunk) {
        Set<String> keys = new HashSet<>();
        for (SyncRecord record : chunk) {
            if (record.action() == null && !keys.add(record.sourceId())) {
                record.decide(Action.INVALID, duplicate(record));
            }
        }
        return keys;
    }

    /**
     * Plans the chunk of run {@code runId}. A link that this run already wrote, or is writing ({@code
     * wroteRecently}: the link table may not show the writes of the last chunks yet), means the key came
     * in an earlier chunk of the same run: the row is invalid, not sent twice. Records whose action is decided
     * already (invalid rows, vanished records) pass through.
     */
    public static void plan(List<SyncRecord> chunk, Map<String, Link> links, SyncMode mode, Vanished vanished,
            String mappingFingerprint, long runId, Predicate<String> wroteRecently) {
        for (SyncRecord record : chunk) {
            if (record.action() != null) {
                continue;
            }
            Link link = links.get(record.sourceId());
            record.setLink(link);
            if (wroteRecently.test(record.sourceId()) || link != null && link.lastRunId() != null && link.lastRunId() == runId) {
                record.decide(Action.INVALID, duplicate(record));
            } else if (mode == SyncMode.DELETE) {
                planDelete(record, link);
            } else {
                record.setPayloadHash(PayloadHash.of(mappingFingerprint, record.payload()));
                planWrite(record, link, mode, vanished);
            }
        }
    }

    private static void planDelete(SyncRecord record, Link link) {
        if (link == null || link.targetId() == null) {
            record.decide(Action.SKIP, "no link to a target record, so nothing to delete");
        } else if (link.status() == LinkStatus.DELETED) {
            record.decide(Action.SKIP, "target record " + link.targetId() + " was deleted before");
        } else {
            record.decide(Action.DELETE, null);
        }
    }

    private static void planWrite(SyncRecord record, Link link, SyncMode mode, Vanished vanished) {
        if (link != null && link.status() == LinkStatus.PENDING && link.targetId() == null) {
            record.decide(Action.RECOVER, "an insert was sent before, but its outcome was never recorded");
            return;
        }
        if (!inTarget(link, vanished)) {
            if (mode == SyncMode.UPDATE) {
                record.decide(Action.SKIP, "no link to a target record, and mode update only updates");
            } else {
                record.decide(Action.INSERT, null);
            }
        } else if (mode == SyncMode.INSERT) {
            record.decide(Action.SKIP, "already linked to target record " + link.targetId() + ", and mode insert only inserts");
        } else if (link.echo() != null && EchoCheck.readBack(record.row(), link.echo())) {
            record.decide(Action.ECHO, "the row holds what the paired sync wrote into it");
        } else if (link.echo() == null && link.status().inSync() && record.payloadHash().equals(link.payloadHash())) {
            record.decide(Action.UNCHANGED, "same payload hash as last sent");
        } else {
            record.decide(Action.UPDATE, null);
        }
    }

    /**
     * Whether {@code link} points at a record in the target, which a changed row updates. A deleted target
     * record is gone: its row, back in the source, is created again. An archived one is still there.
     */
    public static boolean inTarget(Link link, Vanished vanished) {
        boolean gone = link != null && link.status() == LinkStatus.DELETED && vanished != Vanished.ARCHIVE;
        return link != null && link.targetId() != null && !gone;
    }

    private static String duplicate(SyncRecord record) {
        return "the key " + record.sourceId() + " appears more than once in the query's result";
    }
}
