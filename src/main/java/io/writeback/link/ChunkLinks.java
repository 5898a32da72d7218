package io.writeback.link;

import io.writeback.kernel.Link;
import io.writeback.kernel.SyncRecord;
import java.util.List;
import java.util.Map;

/** The link rows of a chunk's records, looked up in one query for those still to be planned and not looked up yet. */
public final class ChunkLinks {

    private ChunkLinks() {
    }

    /** Gives each open record of {@code chunk} not looked up yet its link in {@code sync}'s table (null: none). */
    public static void lookUp(LinkStore links, String sync, List<SyncRecord> chunk) {
        List<SyncRecord> open = chunk.stream().filter(record -> record.action() == null && !record.linkLookedUp()).toList();
        if (!open.isEmpty()) {
            Map<String, Link> found = links.find(sync, open.stream().map(SyncRecord::sourceId).distinct().toList());
            open.forEach(record -> record.setLink(found.get(record.sourceId())));
        }
    }
}
